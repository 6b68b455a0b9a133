package ntsection.io;

import ntsection.io.samples.EchoExtension;
import ntsection.nt.LongOut;
import ntsection.nt.Out;
import ntsection.ob.Handles;
import ntsection.ob.KernelObject;
import ntsection.ps.Process;
import org.junit.jupiter.api.Test;

import static ntsection.io.FileAccess.FILE_READ_DATA;
import static ntsection.ke.ProcessorMode.KernelMode;
import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static ntsection.ob.Attributes.DUPLICATE_SAME_ACCESS;
import static org.junit.jupiter.api.Assertions.*;

/** Cleanup goes with a file object's last handle, close with its last reference. */
class FileLifetimeTest {
    private final EchoSystem echo = new EchoSystem();
    private final Process alice = echo.system.createProcess("alice", false);

    @Test
    void cleanupAndCloseComeWithTheLastHandleNotTheFirst() {
        long handle = echo.open(alice, FILE_READ_DATA);
        LongOut copy = new LongOut();
        assertEquals(STATUS_SUCCESS, echo.system.inUserMode(alice, () -> echo.system.nt().ntDuplicateObject(
                Handles.NtCurrentProcess, handle, Handles.NtCurrentProcess, copy, 0, 0, DUPLICATE_SAME_ACCESS)));
        echo.close(alice, handle);
        EchoExtension extension = echo.echo();
        assertEquals(0, extension.cleanups);
        echo.close(alice, copy.value);
        assertEquals(1, extension.cleanups);
        assertEquals(1, extension.closes);
        assertEquals(0, echo.echoDevice().referenceCount());
    }

    @Test
    void aReferenceHeldPastTheLastHandleDelaysCloseButNotCleanup() {
        long handle = echo.open(alice, FILE_READ_DATA);
        Out<KernelObject> file = new Out<>();
        assertEquals(STATUS_SUCCESS, echo.system.kernelCode(alice, () -> echo.system.ob().obReferenceObjectByHandle(
                handle, 0, echo.system.ob().types().file(), KernelMode, file, null)));
        echo.close(alice, handle);
        EchoExtension extension = echo.echo();
        assertEquals(1, extension.cleanups);
        assertEquals(0, extension.closes);
        assertTrue(((FileObject) file.value).isCleanedUp());
        echo.system.kernelCode(alice, () -> echo.system.ob().obDereferenceObject(file.value));
        assertEquals(1, extension.closes);
        assertTrue(((FileObject) file.value).isClosed());
    }

    @Test
    void processExitCleansUpAndClosesEveryFileItHeld() {
        echo.open(alice, FILE_READ_DATA);
        echo.open(alice, FILE_READ_DATA);
        echo.system.terminateProcess(alice, STATUS_SUCCESS);
        EchoExtension extension = echo.echo();
        assertEquals(2, extension.cleanups);
        assertEquals(2, extension.closes);
        assertEquals(0, echo.echoDevice().referenceCount());
    }
}
