package ntsection.io;

import static ntsection.io.FileAccess.*;

/**
 * CTL_CODE and its fields: device type (bits 16-31), required access (14-15),
 * function (2-13) and transfer method (0-1).
 */
public final class CtlCode {
    private CtlCode() {
    }

    public static final int METHOD_BUFFERED = 0;
    public static final int METHOD_IN_DIRECT = 1;
    public static final int METHOD_OUT_DIRECT = 2;
    public static final int METHOD_NEITHER = 3;

    public static final int FILE_ANY_ACCESS = 0;
    public static final int FILE_READ_ACCESS = 1;
    public static final int FILE_WRITE_ACCESS = 2;

    public static int CTL_CODE(int deviceType, int function, int method, int access) {
        return (deviceType << 16) | (access << 14) | (function << 2) | method;
    }

    public static int deviceType(int code) {
        return code >>> 16;
    }

    public static int function(int code) {
        return (code >>> 2) & 0xFFF;
    }

    public static int method(int code) {
        return code & 3;
    }

    public static int requiredAccess(int code) {
        return (code >>> 14) & 3;
    }

    /**
     * The handle rights the code's access field asks for, as NtDeviceIoControlFile
     * checks them against the handle (FILE_READ_ACCESS is FILE_READ_DATA, FILE_WRITE_ACCESS
     * FILE_WRITE_DATA).
     */
    static int handleRights(int code) {
        int access = requiredAccess(code);
        return ((access & FILE_READ_ACCESS) != 0 ? FILE_READ_DATA : 0) | ((access & FILE_WRITE_ACCESS) != 0 ? FILE_WRITE_DATA : 0);
    }
}
