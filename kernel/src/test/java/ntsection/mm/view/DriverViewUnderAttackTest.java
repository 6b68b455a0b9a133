package ntsection.mm.view;

import ntsection.Executive;
import ntsection.ke.BugCheck;
import ntsection.ke.BugCheckCodes;
import ntsection.ke.BugCheckError;
import ntsection.ke.ExceptionDispatch;
import ntsection.ke.ProcessorMode;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.ob.Handles;
import ntsection.ps.Process;
import ntsection.testing.Systems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static ntsection.mm.PageProtection.*;
import static ntsection.nt.NtStatus.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Rule SV5's harm and its cure: a driver maps a shared view into the requesting
 * process and reads it from its dispatch routine; the process pulls the view out from
 * under it (unmaps it, or re-protects it to PAGE_NOACCESS). Without a try/except the
 * access violation escapes the driver and the system stops; inside one the driver gets
 * STATUS_ACCESS_VIOLATION and the system goes on.
 */
class DriverViewUnderAttackTest {
    private static final long ME = Handles.NtCurrentProcess;

    private final Executive system = Systems.boot();
    private final Process alice = system.createProcess("alice", false);
    private long view;

    @BeforeEach
    void driverMapsASharedViewIntoTheRequester() {
        long section = TestSections.create(system, alice, 0x10000, PAGE_READWRITE, SEC_COMMIT);
        LongOut base = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inDispatchRoutine(alice, () -> system.zw().zwMapViewOfSection(section, ME, base,
                0, 0, null, new LongOut(), ViewUnmap, 0, PAGE_READWRITE)));
        view = base.value;
        system.kernelCode(alice, () -> system.mm().access().writeInt(view + 0x20, 7));
        assertEquals(7, system.inUserMode(alice, () -> system.mm().access().readInt(view + 0x20)), "the user sees the driver's data");
    }

    private void userUnmapsTheView() {
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice, () -> system.nt().ntUnmapViewOfSection(ME, view)));
    }

    private void userMakesTheViewNoAccess() {
        LongOut old = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice, () -> system.nt().ntProtectVirtualMemory(ME, new LongOut(view),
                new LongOut(0x10000), PAGE_NOACCESS, old)));
        assertEquals(PAGE_READWRITE, old.value);
    }

    private void assertCrashedOnTheView(BugCheckError crash) {
        BugCheck stop = crash.bugCheck();
        assertEquals(BugCheckCodes.SYSTEM_SERVICE_EXCEPTION, stop.code(), stop.describe());
        assertEquals(STATUS_ACCESS_VIOLATION.code() & 0xFFFFFFFFL, stop.p1());
        assertEquals(view + 0x20, stop.p2(), "the faulting address");
        assertEquals(0, stop.p3(), "a read");
        assertTrue(system.kernel().isHalted());
        assertThrows(IllegalStateException.class, () -> system.inUserMode(alice, () -> system.nt().ntClose(4)),
                "a stopped system serves no one");
    }

    @Test
    void unguardedDriverReadOfAViewTheUserUnmappedBugChecks() {
        userUnmapsTheView();
        BugCheckError crash = assertThrows(BugCheckError.class,
                () -> system.kernelCode(alice, () -> system.mm().access().readInt(view + 0x20)));
        assertCrashedOnTheView(crash);
    }

    @Test
    void unguardedDriverReadOfAViewTheUserMadeNoAccessBugChecks() {
        userMakesTheViewNoAccess();
        BugCheckError crash = assertThrows(BugCheckError.class,
                () -> system.kernelCode(alice, () -> system.mm().access().readInt(view + 0x20)));
        assertCrashedOnTheView(crash);
    }

    @Test
    void guardedDriverReadOfAViewTheUserUnmappedGetsAccessViolationAndTheSystemLives() {
        userUnmapsTheView();
        NtStatus status = system.guardedKernelCode(alice, () -> system.mm().access().readInt(view + 0x20));
        assertEquals(STATUS_ACCESS_VIOLATION, status);
        assertFalse(system.kernel().isHalted());
        assertEquals(STATUS_NOT_MAPPED_VIEW, system.inUserMode(alice, () -> system.nt().ntUnmapViewOfSection(ME, view)),
                "the system still serves its callers");
    }

    @Test
    void guardedDriverReadOfAViewTheUserMadeNoAccessGetsAccessViolationAndTheSystemLives() {
        userMakesTheViewNoAccess();
        assertEquals(STATUS_ACCESS_VIOLATION, system.guardedKernelCode(alice, () -> system.mm().access().readInt(view + 0x20)));
        assertFalse(system.kernel().isHalted());
    }

    @Test
    void theSameFaultInUserModeCodeIsTheProgramsOwnBusiness() {
        userUnmapsTheView();
        assertEquals(STATUS_ACCESS_VIOLATION, system.userCode(alice, () -> system.mm().access().readInt(view + 0x20)));
        assertFalse(system.kernel().isHalted());
    }

    @Test
    void anExceptionEscapingASystemThreadIsSystemThreadExceptionNotHandled() {
        BugCheckError crash = assertThrows(BugCheckError.class,
                () -> system.systemThreadCode(() -> system.mm().access().readByte(0x10000)));
        assertEquals(BugCheckCodes.SYSTEM_THREAD_EXCEPTION_NOT_HANDLED, crash.bugCheck().code());
        assertEquals(0x10000, crash.bugCheck().p2());
    }

    @Test
    void anExceptionEscapingKernelCodeOutsideAServiceIsKmodeExceptionNotHandled() {
        Process bob = system.createProcess("bob", false);
        BugCheckError crash = assertThrows(BugCheckError.class, () -> system.inDispatchRoutine(bob, () -> {
            bob.threads().getFirst().setModes(ProcessorMode.KernelMode, ProcessorMode.KernelMode);
            return ExceptionDispatch.runKernelCode(system.kernel(), () -> {
                system.mm().access().writeByte(0x10000, (byte) 1);
                return null;
            });
        }));
        assertEquals(BugCheckCodes.KMODE_EXCEPTION_NOT_HANDLED, crash.bugCheck().code());
        assertEquals(1, crash.bugCheck().p3(), "a write");
    }
}
