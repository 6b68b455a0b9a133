package ntsection.ob;

import ntsection.Executive;
import ntsection.ExecutiveConfig;
import ntsection.ke.BugCheck;
import ntsection.ke.BugCheckCodes;
import ntsection.ke.BugCheckError;
import ntsection.ke.SystemHaltedException;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.ps.Process;
import ntsection.testing.Systems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Attributes.*;
import static org.junit.jupiter.api.Assertions.*;

/** NtClose, ZwClose and ObCloseHandle (ObpCloseHandle, ObHandle.c). */
class CloseTest extends ObTestBase {

    /** Makes a protect-from-close duplicate of the handle in the same process. */
    private long protectedCopy(long handle) {
        LongOut copy = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice, () -> system.nt().ntDuplicateObject(Handles.NtCurrentProcess, handle,
                Handles.NtCurrentProcess, copy, 0, OBJ_PROTECT_CLOSE, DUPLICATE_SAME_ACCESS)));
        return copy.value;
    }

    @Test
    void closingTwiceGivesInvalidHandleTheSecondTime() {
        long handle = userEvent(alice, null, 0);
        assertEquals(STATUS_SUCCESS, userClose(alice, handle));
        assertEquals(STATUS_INVALID_HANDLE, userClose(alice, handle));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, -2, 123, 0x7FFFFFFF, 0x8000007BL, 0xFFFFFFFF8000007BL, 0xDEADBEEFDEADBEEFL})
    void userModeCloseAcceptsEverythingAndNeverCrashes(long value) {
        assertEquals(STATUS_INVALID_HANDLE, userClose(alice, value));
        assertFalse(system.kernel().isHalted());
    }

    @Test
    void closingAnotherProcessesHandleValueClosesOnlyYourOwn() {
        long bobs = userEvent(bob, null, 0);
        assertEquals(STATUS_INVALID_HANDLE, userClose(alice, bobs));
        assertCounts(bob, bobs, 2, 1);
    }

    @Test
    void protectedHandleFromUserModeIsNotClosable() {
        long handle = userEvent(alice, null, 0);
        long copy = protectedCopy(handle);
        assertCounts(alice, handle, 3, 2);
        assertEquals(STATUS_HANDLE_NOT_CLOSABLE, userClose(alice, copy));
        assertCounts(alice, copy, 3, 2);
        assertEquals(STATUS_SUCCESS, userClose(alice, handle));
        assertCounts(alice, copy, 2, 1);
    }

    @Test
    void protectedCurrentProcessPseudoHandleDuplicateIsNotClosable() {
        LongOut copy = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice, () -> system.nt().ntDuplicateObject(Handles.NtCurrentProcess,
                Handles.NtCurrentProcess, Handles.NtCurrentProcess, copy, 0, OBJ_PROTECT_CLOSE, DUPLICATE_SAME_ACCESS)));
        assertSame(alice, objectOf(alice, copy.value));
        assertEquals(STATUS_HANDLE_NOT_CLOSABLE, userClose(alice, copy.value));
    }

    @Test
    void protectedHandleClosedFromKernelModeBugChecks0x93WithParameterZero() {
        long copy = protectedCopy(userEvent(alice, null, 0));
        BugCheck stop = bugCheckOf(() -> system.inDispatchRoutine(alice, () -> system.zw().zwClose(copy)));
        assertEquals(BugCheckCodes.INVALID_KERNEL_HANDLE, stop.code());
        assertEquals(copy, stop.p1());
        assertEquals(0, stop.p2());
        assertThrows(SystemHaltedException.class, () -> userClose(alice, copy));
    }

    @ParameterizedTest
    @ValueSource(longs = {123, 0x7FFFFFFF, 0x8000007BL, 0xFFFFFFFF8000007BL})
    void kernelModeCloseOfAnUnknownHandleBugChecks0x93WithParameterOne(long value) {
        BugCheck stop = bugCheckOf(() -> kernelClose(value));
        assertEquals(BugCheckCodes.INVALID_KERNEL_HANDLE, stop.code());
        assertEquals(value, stop.p1());
        assertEquals(1, stop.p2());
    }

    /**
     * Model choice (UNCERTAIN in the spec): ZwClose(NtCurrentProcess()) returns
     * STATUS_INVALID_HANDLE as on NT 5.2, which ObHandle.c asserts; Windows 10 returns success.
     */
    @Test
    void choiceKernelModeCloseOfNullOrCurrentProcessReturnsInvalidHandleAsOnNt52() {
        assertEquals(STATUS_INVALID_HANDLE, kernelClose(0));
        assertEquals(STATUS_INVALID_HANDLE, kernelClose(Handles.NtCurrentProcess));
        assertEquals(STATUS_INVALID_HANDLE, kernelClose(Handles.NtCurrentThread));
        assertFalse(system.kernel().isHalted());
    }

    @Test
    void choiceBugCheckOnInvalidKernelCloseIsTheDefaultAndCanBeTurnedIntoAStatus() {
        Executive lenient = Systems.boot(ExecutiveConfig.defaults().withBugCheckOnInvalidKernelClose(false));
        NtStatus status = lenient.inSystemThread(() -> lenient.zw().zwClose(123));
        assertEquals(STATUS_INVALID_HANDLE, status);
        assertFalse(lenient.kernel().isHalted());
    }

    @Test
    void userHandleClosedByZwCloseFromItsProcessContext() {
        long handle = userEvent(alice, null, 0);
        assertEquals(STATUS_SUCCESS, system.inDispatchRoutine(alice, () -> system.zw().zwClose(handle)));
        assertEquals(0, alice.handleTable().count());
    }

    @Test
    void userHandleClosedByZwCloseFromAnotherProcessBugChecks() {
        long handle = userEvent(alice, null, 0);
        BugCheck stop = bugCheckOf(() -> system.inDispatchRoutine(bob, () -> system.zw().zwClose(handle)));
        assertEquals(BugCheckCodes.INVALID_KERNEL_HANDLE, stop.code());
        assertEquals(1, alice.handleTable().count());
    }

    @Test
    void ntCloseFromADispatchRoutineKeepsUserModeRules() {
        long handle = kernelEvent(null, OBJ_KERNEL_HANDLE);
        assertEquals(STATUS_INVALID_HANDLE, system.inDispatchRoutine(alice, () -> system.nt().ntClose(handle)));
        assertFalse(system.kernel().isHalted());
        assertKernelCounts(handle, 2, 1);
        kernelClose(handle);
    }

    @Test
    void closeProcedureRunsBeforeTheNameCheck() {
        String[] seen = new String[1];
        system.ob().types().event().setCloseProcedure(o -> seen[0] = o.path());
        long handle = userEvent(alice, "\\BaseNamedObjects\\closing", 0);
        userClose(alice, handle);
        assertEquals("\\BaseNamedObjects\\closing", seen[0]);
    }

    /** The configuration covers unknown handles only: a protected handle closed from kernel mode always stops NT. */
    @Test
    void protectedHandleBugChecksEvenWhenInvalidKernelClosesOnlyReturnAStatus() {
        Executive lenient = Systems.boot(ExecutiveConfig.defaults().withBugCheckOnInvalidKernelClose(false));
        Process carol = lenient.createProcess("carol", false);
        LongOut event = new LongOut();
        LongOut guarded = new LongOut();
        lenient.inUserMode(carol, () -> lenient.nt().ntCreateEvent(event, EVENT_ALL, ObjectAttributes.unnamed(0), 0, false));
        lenient.inUserMode(carol, () -> lenient.nt().ntDuplicateObject(Handles.NtCurrentProcess, event.value,
                Handles.NtCurrentProcess, guarded, 0, OBJ_PROTECT_CLOSE, DUPLICATE_SAME_ACCESS));
        BugCheckError stop = assertThrows(BugCheckError.class,
                () -> lenient.inDispatchRoutine(carol, () -> lenient.zw().zwClose(guarded.value)));
        assertEquals(BugCheckCodes.INVALID_KERNEL_HANDLE, stop.bugCheck().code());
    }
}
