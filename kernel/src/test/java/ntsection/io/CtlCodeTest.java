package ntsection.io;

import ntsection.ps.Process;
import org.junit.jupiter.api.Test;

import static ntsection.io.CtlCode.*;
import static ntsection.io.DeviceFlags.FILE_DEVICE_UNKNOWN;
import static ntsection.io.FileAccess.*;
import static ntsection.io.samples.EchoIoctl.*;
import static ntsection.nt.NtStatus.*;
import static org.junit.jupiter.api.Assertions.*;

class CtlCodeTest {
    @Test
    void ctlCodeDecodesIntoItsFourFields() {
        int code = CTL_CODE(FILE_DEVICE_UNKNOWN, 0x801, METHOD_IN_DIRECT, FILE_READ_ACCESS);
        assertEquals(FILE_DEVICE_UNKNOWN, deviceType(code));
        assertEquals(0x801, function(code));
        assertEquals(METHOD_IN_DIRECT, method(code));
        assertEquals(FILE_READ_ACCESS, requiredAccess(code));
    }

    @Test
    void theEchoCodesAreTheirCtlCodes() {
        assertEquals(CTL_CODE(FILE_DEVICE_UNKNOWN, 0x800, METHOD_BUFFERED, FILE_ANY_ACCESS), IOCTL_ECHO_BUFFERED);
        assertEquals(CTL_CODE(FILE_DEVICE_UNKNOWN, 0x801, METHOD_IN_DIRECT, FILE_READ_ACCESS), IOCTL_ECHO_IN_DIRECT);
        assertEquals(CTL_CODE(FILE_DEVICE_UNKNOWN, 0x802, METHOD_OUT_DIRECT, FILE_ANY_ACCESS), IOCTL_ECHO_OUT_DIRECT);
        assertEquals(CTL_CODE(FILE_DEVICE_UNKNOWN, 0x803, METHOD_NEITHER, FILE_ANY_ACCESS), IOCTL_ECHO_NEITHER);
        assertEquals(CTL_CODE(FILE_DEVICE_UNKNOWN, 0x804, METHOD_NEITHER, FILE_ANY_ACCESS), IOCTL_ECHO_NEITHER_UNGUARDED);
        assertEquals(CTL_CODE(FILE_DEVICE_UNKNOWN, 0x805, METHOD_BUFFERED, FILE_ANY_ACCESS), IOCTL_ECHO_WHO);
        assertEquals(CTL_CODE(FILE_DEVICE_UNKNOWN, 0x806, METHOD_BUFFERED, FILE_WRITE_ACCESS), IOCTL_ECHO_WRITE_ACCESS);
    }

    @Test
    void aCodeAskingForWriteAccessIsRefusedOnAHandleOpenedForReadOnly() {
        EchoSystem echo = new EchoSystem();
        Process alice = echo.system.createProcess("alice", false);
        long out = echo.allocate(alice, 0x1000);
        long reader = echo.open(alice, FILE_READ_DATA);
        assertEquals(STATUS_ACCESS_DENIED, echo.ioctl(alice, reader, IOCTL_ECHO_WRITE_ACCESS, out, 4, out, 4, new IoStatusBlock()));
        long writer = echo.open(alice, FILE_WRITE_DATA);
        assertEquals(STATUS_SUCCESS, echo.ioctl(alice, writer, IOCTL_ECHO_WRITE_ACCESS, out, 4, out, 4, new IoStatusBlock()));
        assertEquals(STATUS_ACCESS_DENIED, echo.ioctl(alice, writer, IOCTL_ECHO_IN_DIRECT, 0, 0, out, 4, new IoStatusBlock()));
    }

    @Test
    void aHandleThatIsNotAFileIsATypeMismatch() {
        EchoSystem echo = new EchoSystem();
        Process alice = echo.system.createProcess("alice", false);
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, echo.ioctl(alice, ntsection.ob.Handles.NtCurrentProcess, IOCTL_ECHO_BUFFERED,
                0, 0, 0, 0, new IoStatusBlock()));
        assertEquals(STATUS_INVALID_HANDLE, echo.ioctl(alice, 0x44, IOCTL_ECHO_BUFFERED, 0, 0, 0, 0, new IoStatusBlock()));
    }
}
