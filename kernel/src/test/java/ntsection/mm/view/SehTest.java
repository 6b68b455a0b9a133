package ntsection.mm.view;

import ntsection.Executive;
import ntsection.ex.ExRaise;
import ntsection.ke.BugCheckError;
import ntsection.ke.NtException;
import ntsection.ke.Seh;
import ntsection.mm.AddressLimits;
import ntsection.nt.NtStatus;
import ntsection.ps.Process;
import ntsection.testing.Systems;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static ntsection.nt.NtStatus.*;
import static org.junit.jupiter.api.Assertions.*;

/** try/except for kernel code: filters see the code, CONTINUE_SEARCH passes it outward, bug-checks pass every frame. */
class SehTest {
    private final Executive system = Systems.boot();
    private final Process alice = system.createProcess("alice", false);

    @Test
    void theFilterSeesTheExceptionAndMayPassItToTheNextFrame() {
        List<String> trail = new ArrayList<>();
        NtStatus outer = system.inDispatchRoutine(alice, () -> Seh.tryExcept(
                () -> Seh.tryExcept(
                        () -> { system.mm().access().readByte(0x10000); return STATUS_SUCCESS; },
                        e -> {
                            trail.add("inner saw " + e.status().name() + " " + (e.access() == NtException.READ ? "read" : "write"));
                            return e.status() == STATUS_GUARD_PAGE_VIOLATION ? Seh.EXCEPTION_EXECUTE_HANDLER : Seh.EXCEPTION_CONTINUE_SEARCH;
                        },
                        e -> STATUS_GUARD_PAGE_VIOLATION),
                e -> Seh.EXCEPTION_EXECUTE_HANDLER,
                NtException::status));
        assertEquals(STATUS_ACCESS_VIOLATION, outer);
        assertEquals(List.of("inner saw STATUS_ACCESS_VIOLATION read"), trail);
    }

    @Test
    void exRaiseStatusIsCaughtLikeAFault() {
        assertEquals(STATUS_INVALID_PARAMETER, system.guardedKernelCode(alice, () -> ExRaise.exRaiseStatus(STATUS_INVALID_PARAMETER)));
    }

    @Test
    void aBugCheckPassesThroughEveryExceptFilter() {
        List<String> filtered = new ArrayList<>();
        assertThrows(BugCheckError.class, () -> system.inDispatchRoutine(alice, () -> Seh.tryExcept(
                () -> system.mm().access().readByte(AddressLimits.SYSTEM_VIEW_START),
                e -> { filtered.add(e.getMessage()); return Seh.EXCEPTION_EXECUTE_HANDLER; },
                e -> (byte) 0)));
        assertEquals(List.of(), filtered);
    }

    @Test
    void aFilterAskingToContinueExecutionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> system.inDispatchRoutine(alice, () -> Seh.tryExcept(
                () -> ExRaise.exRaiseAccessViolation(), e -> -1, e -> null)));
    }
}
