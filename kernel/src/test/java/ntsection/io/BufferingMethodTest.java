package ntsection.io;

import ntsection.ke.BugCheckCodes;
import ntsection.ke.BugCheckError;
import ntsection.nt.NtStatus;
import ntsection.ps.Process;
import org.junit.jupiter.api.Test;

import static ntsection.io.FileAccess.FILE_READ_DATA;
import static ntsection.io.samples.EchoIoctl.*;
import static ntsection.nt.NtStatus.*;
import static org.junit.jupiter.api.Assertions.*;

/** What each transfer method hands the driver, and what comes back to the caller. */
class BufferingMethodTest {
    private static final byte[] DATA = {1, 2, 3, 4, 5, 6, 7, 8};

    private final EchoSystem echo = new EchoSystem();
    private final Process alice = echo.system.createProcess("alice", false);
    private final long handle = echo.open(alice, FILE_READ_DATA);
    private final long in = echo.allocate(alice, 0x1000);
    private final long out = echo.allocate(alice, 0x1000);

    {
        echo.write(alice, in, DATA);
    }

    private NtStatus ioctl(int code, long input, int inputLength, long output, int outputLength, IoStatusBlock status) {
        return echo.ioctl(alice, handle, code, input, inputLength, output, outputLength, status);
    }

    @Test
    void methodBufferedCopiesTheInputInAndTheOutputOutThroughASystemBuffer() {
        IoStatusBlock status = new IoStatusBlock();
        assertEquals(STATUS_SUCCESS, ioctl(IOCTL_ECHO_BUFFERED, in, 8, out, 8, status));
        assertEquals(8, status.Information);
        assertArrayEquals(DATA, echo.read(alice, out, 8));
    }

    @Test
    void methodBufferedCopiesOutNoMoreThanTheOutputLength() {
        IoStatusBlock status = new IoStatusBlock();
        assertEquals(STATUS_SUCCESS, ioctl(IOCTL_ECHO_BUFFERED, in, 8, out, 4, status));
        assertEquals(4, status.Information);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 0, 0, 0, 0}, echo.read(alice, out, 8));
    }

    @Test
    void methodBufferedWithAnUnmappedInputIsAnAccessViolationAndTheDriverNeverSeesIt() {
        echo.free(alice, in);
        assertEquals(STATUS_ACCESS_VIOLATION, ioctl(IOCTL_ECHO_BUFFERED, in, 8, out, 8, new IoStatusBlock()));
        assertNull(echo.echo().lastThread);
    }

    @Test
    void methodBufferedWithAKernelAddressFromUserModeIsAnAccessViolation() {
        assertEquals(STATUS_ACCESS_VIOLATION, ioctl(IOCTL_ECHO_BUFFERED, 0xFFFFF70000000000L, 8, out, 8, new IoStatusBlock()));
    }

    @Test
    void methodBufferedWithAnOutputTheUserCannotWriteIsAnAccessViolation() {
        echo.free(alice, out);
        assertEquals(STATUS_ACCESS_VIOLATION, ioctl(IOCTL_ECHO_BUFFERED, in, 8, out, 8, new IoStatusBlock()));
    }

    @Test
    void methodOutDirectWritesThroughTheMdlsSystemAddressIntoTheUsersPages() {
        IoStatusBlock status = new IoStatusBlock();
        assertEquals(STATUS_SUCCESS, ioctl(IOCTL_ECHO_OUT_DIRECT, in, 8, out + 0xFFC, 4, status));
        assertEquals(4, status.Information);
        assertArrayEquals(new byte[] {1, 2, 3, 4}, echo.read(alice, out + 0xFFC, 4));
    }

    @Test
    void methodInDirectLetsTheDriverReadTheOutputBufferThroughTheMdl() {
        IoStatusBlock status = new IoStatusBlock();
        assertEquals(STATUS_SUCCESS, ioctl(IOCTL_ECHO_IN_DIRECT, 0, 0, in, 8, status));
        assertArrayEquals(DATA, echo.echo().received);
        assertEquals(8, status.Information);
    }

    @Test
    void directMethodsRefuseAnOutputBufferThatIsNotMappedBeforeTheDriverRuns() {
        echo.free(alice, out);
        assertEquals(STATUS_ACCESS_VIOLATION, ioctl(IOCTL_ECHO_OUT_DIRECT, in, 8, out, 8, new IoStatusBlock()));
        assertNull(echo.echo().lastThread);
    }

    @Test
    void directMethodsLeaveNoPageLockedOnceTheRequestCompletes() {
        echo.write(alice, out, DATA);
        int free = echo.system.mm().physicalMemory().freeFrames();
        ioctl(IOCTL_ECHO_OUT_DIRECT, in, 8, out, 8, new IoStatusBlock());
        echo.free(alice, out);
        assertEquals(free + 1, echo.system.mm().physicalMemory().freeFrames());
    }

    @Test
    void methodNeitherHandsTheDriverTheCallersRawPointers() {
        IoStatusBlock status = new IoStatusBlock();
        assertEquals(STATUS_SUCCESS, ioctl(IOCTL_ECHO_NEITHER, in, 8, out, 8, status));
        assertArrayEquals(DATA, echo.read(alice, out, 8));
    }

    @Test
    void methodNeitherWithAnUnmappedBufferFaultsInTheDriverWhichAGuardTurnsIntoAStatus() {
        echo.free(alice, in);
        assertEquals(STATUS_ACCESS_VIOLATION, ioctl(IOCTL_ECHO_NEITHER, in, 8, out, 8, new IoStatusBlock()));
        assertNotNull(echo.echo().lastThread, "the I/O manager did not probe: the driver ran");
        assertFalse(echo.system.kernel().isHalted());
    }

    @Test
    void methodNeitherReadWithoutAGuardAfterTheUserUnmappedBugChecks() {
        echo.free(alice, in);
        BugCheckError crash = assertThrows(BugCheckError.class,
                () -> ioctl(IOCTL_ECHO_NEITHER_UNGUARDED, in, 8, out, 8, new IoStatusBlock()));
        assertEquals(BugCheckCodes.SYSTEM_SERVICE_EXCEPTION, crash.bugCheck().code());
    }

    @Test
    void methodNeitherWithAKernelPointerFromUserModeIsCaughtByTheDriversProbe() {
        long kernelAddress = 0xFFFFF70000000000L;
        assertEquals(STATUS_ACCESS_VIOLATION, ioctl(IOCTL_ECHO_NEITHER, kernelAddress, 8, out, 8, new IoStatusBlock()));
    }

    @Test
    void anUnknownControlCodeIsAnInvalidDeviceRequest() {
        assertEquals(STATUS_INVALID_DEVICE_REQUEST, ioctl(0x223FFC, in, 8, out, 8, new IoStatusBlock()));
    }
}
