package ntsection.io;

import ntsection.ps.Process;
import org.junit.jupiter.api.Test;

import static ntsection.io.FileAccess.FILE_READ_DATA;
import static ntsection.io.FileAccess.FILE_WRITE_DATA;
import static ntsection.nt.NtStatus.*;
import static org.junit.jupiter.api.Assertions.*;

/** NtReadFile and NtWriteFile on a DO_BUFFERED_IO device. */
class ReadWriteTest {
    private final EchoSystem echo = new EchoSystem();
    private final Process alice = echo.system.createProcess("alice", false);
    private final long buffer = echo.allocate(alice, 0x1000);

    @Test
    void aWriteIsCopiedInAndAReadCopiedOutThroughTheSystemBuffer() {
        long handle = echo.open(alice, FILE_READ_DATA | FILE_WRITE_DATA);
        echo.write(alice, buffer, new byte[] {5, 6, 7});
        IoStatusBlock status = new IoStatusBlock();
        assertEquals(STATUS_SUCCESS, echo.system.inUserMode(alice, () -> echo.system.nt().ntWriteFile(handle, status, buffer, 3, 0)));
        assertEquals(3, status.Information);
        assertEquals(STATUS_SUCCESS, echo.system.inUserMode(alice, () -> echo.system.nt().ntReadFile(handle, status,
                buffer + 0x100, 8, 0)));
        assertEquals(3, status.Information);
        assertArrayEquals(new byte[] {5, 6, 7, 0}, echo.read(alice, buffer + 0x100, 4));
    }

    @Test
    void readingNeedsReadAccessAndWritingWriteAccess() {
        long reader = echo.open(alice, FILE_READ_DATA);
        assertEquals(STATUS_ACCESS_DENIED, echo.system.inUserMode(alice, () -> echo.system.nt().ntWriteFile(reader,
                new IoStatusBlock(), buffer, 3, 0)));
        long writer = echo.open(alice, FILE_WRITE_DATA);
        assertEquals(STATUS_ACCESS_DENIED, echo.system.inUserMode(alice, () -> echo.system.nt().ntReadFile(writer,
                new IoStatusBlock(), buffer, 3, 0)));
    }

    @Test
    void aReadIntoMemoryTheUserCannotWriteIsAnAccessViolationBeforeTheDriverRuns() {
        long handle = echo.open(alice, FILE_READ_DATA);
        echo.free(alice, buffer);
        assertEquals(STATUS_ACCESS_VIOLATION, echo.system.inUserMode(alice, () -> echo.system.nt().ntReadFile(handle,
                new IoStatusBlock(), buffer, 8, 0)));
    }
}
