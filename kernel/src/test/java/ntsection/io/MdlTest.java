package ntsection.io;

import ntsection.Executive;
import ntsection.ke.NtException;
import ntsection.ke.ProcessorMode;
import ntsection.ps.Process;
import org.junit.jupiter.api.Test;

import static ntsection.nt.NtStatus.STATUS_ACCESS_VIOLATION;
import static org.junit.jupiter.api.Assertions.*;

/** MmProbeAndLockPages pins the user's frames; the system mapping reaches them from any context. */
class MdlTest {
    private final EchoSystem echo = new EchoSystem();
    private final Executive system = echo.system;
    private final Process alice = system.createProcess("alice", false);
    private final long buffer = echo.allocate(alice, 0x2000);

    @Test
    void lockedPagesStayReadableThroughTheSystemAddressAfterTheUserFreesThem() {
        echo.write(alice, buffer + 0xFFE, new byte[] {9, 8, 7, 6});
        IoManager io = system.io();
        Mdl mdl = system.kernelCode(alice, () -> {
            Mdl locked = io.ioAllocateMdl(buffer + 0xFFE, 4);
            io.mmProbeAndLockPages(locked, ProcessorMode.UserMode, LockOperation.IoReadAccess);
            return locked;
        });
        int freeBefore = system.mm().physicalMemory().freeFrames();
        echo.free(alice, buffer);
        assertEquals(freeBefore, system.mm().physicalMemory().freeFrames(), "the pinned frames are not free yet");
        long systemAddress = system.systemThreadCode(() -> io.mmGetSystemAddressForMdlSafe(mdl, 0));
        assertArrayEquals(new byte[] {9, 8, 7, 6}, system.systemThreadCode(() -> system.mm().access().read(systemAddress, 4)));
        system.systemThreadCode(() -> {
            io.mmUnlockPages(mdl);
            io.ioFreeMdl(mdl);
            return null;
        });
        assertEquals(freeBefore + 2, system.mm().physicalMemory().freeFrames());
    }

    @Test
    void probeAndLockOfAnUnmappedPageRaisesAndLocksNothing() {
        echo.free(alice, buffer);
        IoManager io = system.io();
        assertEquals(STATUS_ACCESS_VIOLATION, system.guardedKernelCode(alice, () -> {
            Mdl mdl = io.ioAllocateMdl(buffer, 0x2000);
            io.mmProbeAndLockPages(mdl, ProcessorMode.UserMode, LockOperation.IoWriteAccess);
        }));
    }

    @Test
    void probeAndLockFromUserModeOfASystemAddressRaises() {
        IoManager io = system.io();
        NtException raised = assertThrows(NtException.class, () -> system.inDispatchRoutine(alice, () -> {
            io.mmProbeAndLockPages(io.ioAllocateMdl(0xFFFFF70000000000L, 8), ProcessorMode.UserMode,
                    LockOperation.IoReadAccess);
            return null;
        }));
        assertEquals(STATUS_ACCESS_VIOLATION, raised.status());
    }
}
