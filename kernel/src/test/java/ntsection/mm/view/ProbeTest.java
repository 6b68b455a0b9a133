package ntsection.mm.view;

import ntsection.Executive;
import ntsection.ke.Seh;
import ntsection.mm.AddressLimits;
import ntsection.mm.Probe;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.ob.Handles;
import ntsection.ps.Process;
import ntsection.testing.Systems;
import org.junit.jupiter.api.Test;

import static ntsection.mm.PageProtection.*;
import static ntsection.nt.NtStatus.*;
import static org.junit.jupiter.api.Assertions.*;

/** ProbeForRead and ProbeForWrite, as a driver calls them inside try/except on a user buffer. */
class ProbeTest {
    private static final long USER_PROBE = AddressLimits.MM_USER_PROBE_ADDRESS;

    private final Executive system = Systems.boot();
    private final Process alice = system.createProcess("alice", false);
    private final Probe probe = system.mm().probe();

    private NtStatus guarded(Runnable body) {
        return system.guardedKernelCode(alice, body);
    }

    @Test
    void aZeroLengthChecksNothing() {
        assertEquals(STATUS_SUCCESS, guarded(() -> probe.probeForRead(AddressLimits.MM_SYSTEM_RANGE_START + 3, 0, 4)));
        assertEquals(STATUS_SUCCESS, guarded(() -> probe.probeForWrite(AddressLimits.MM_SYSTEM_RANGE_START + 3, 0, 4)));
    }

    @Test
    void misalignmentIsRaisedBeforeTheRange() {
        assertEquals(STATUS_DATATYPE_MISALIGNMENT, guarded(() -> probe.probeForRead(AddressLimits.MM_SYSTEM_RANGE_START + 2, 8, 4)));
        assertEquals(STATUS_ACCESS_VIOLATION, guarded(() -> probe.probeForRead(AddressLimits.MM_SYSTEM_RANGE_START, 8, 4)));
    }

    @Test
    void theWholeBufferMustEndBelowTheUserProbeAddress() {
        assertEquals(STATUS_SUCCESS, guarded(() -> probe.probeForRead(USER_PROBE - 0x10, 0x10, 1)));
        assertEquals(STATUS_ACCESS_VIOLATION, guarded(() -> probe.probeForRead(USER_PROBE - 0x10, 0x11, 1)));
        assertEquals(STATUS_ACCESS_VIOLATION, guarded(() -> probe.probeForRead(0x10000, -1L, 1)), "a range that wraps");
    }

    @Test
    void probeForReadTouchesNothingSoAnUnmappedBufferPassesAndFaultsLater() {
        assertEquals(STATUS_SUCCESS, guarded(() -> probe.probeForRead(0x10000, 0x100, 1)));
        assertEquals(STATUS_ACCESS_VIOLATION, guarded(() -> system.mm().access().readByte(0x10000)));
    }

    @Test
    void probeForWriteTouchesEveryPageAndFaultsOnReadOnlyOnes() {
        long section = TestSections.create(system, alice, 0x10000, PAGE_READWRITE, SEC_COMMIT);
        long view = TestSections.mapInUserMode(system, alice, section, PAGE_READWRITE);
        system.userCode(alice, () -> system.mm().access().writeByte(view + 0x2000, (byte) 0x5A));
        assertEquals(STATUS_SUCCESS, guarded(() -> probe.probeForWrite(view + 0x10, 0x3000, 4)));
        assertEquals((byte) 0x5A, (byte) system.inUserMode(alice, () -> system.mm().access().readByte(view + 0x2000)),
                "the touch writes back what it read");
        system.inUserMode(alice, () -> system.nt().ntProtectVirtualMemory(Handles.NtCurrentProcess, new LongOut(view + 0x2000),
                new LongOut(1), PAGE_READONLY, new LongOut()));
        assertEquals(STATUS_ACCESS_VIOLATION, guarded(() -> probe.probeForWrite(view + 0x10, 0x3000, 4)));
        assertEquals(STATUS_SUCCESS, guarded(() -> probe.probeForRead(view + 0x10, 0x3000, 4)));
    }

    @Test
    void anUnguardedProbeFailureInADispatchRoutineBugChecks() {
        assertThrows(ntsection.ke.BugCheckError.class,
                () -> system.kernelCode(alice, () -> probe.probeForRead(AddressLimits.MM_SYSTEM_RANGE_START, 4, 4)));
        assertEquals(0x3B, system.kernel().bugCheck().code());
        assertEquals(0, system.kernel().bugCheck().p2(), "a raised status has no faulting address");
    }

    @Test
    void guardIsTheSameAsTryExceptExecuteHandler() {
        assertEquals(STATUS_ACCESS_VIOLATION, system.inDispatchRoutine(alice, () -> Seh.tryExcept(
                () -> { probe.probeForRead(USER_PROBE, 1, 1); return STATUS_SUCCESS; },
                Seh.EXECUTE_HANDLER, ntsection.ke.NtException::status)));
    }
}
