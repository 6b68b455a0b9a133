package ntsection.io;

import ntsection.ob.Access;

/** The File type's specific rights, with the WDK's values. */
public final class FileAccess {
    private FileAccess() {
    }

    public static final int FILE_READ_DATA = 0x0001;
    public static final int FILE_WRITE_DATA = 0x0002;
    public static final int FILE_APPEND_DATA = 0x0004;
    public static final int FILE_READ_EA = 0x0008;
    public static final int FILE_WRITE_EA = 0x0010;
    public static final int FILE_EXECUTE = 0x0020;
    public static final int FILE_READ_ATTRIBUTES = 0x0080;
    public static final int FILE_WRITE_ATTRIBUTES = 0x0100;
    public static final int FILE_ALL_ACCESS = Access.STANDARD_RIGHTS_REQUIRED | Access.SYNCHRONIZE | 0x1FF;
    public static final int FILE_GENERIC_READ = 0x120089;
    public static final int FILE_GENERIC_WRITE = 0x120116;
}
