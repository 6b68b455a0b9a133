package ntsection.mm.view;

import ntsection.Executive;
import ntsection.mm.AddressLimits;
import ntsection.mm.MemoryBasicInformation;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ob.Handles;
import ntsection.ps.Process;
import ntsection.testing.Systems;
import org.junit.jupiter.api.Test;

import static ntsection.mm.PageProtection.*;
import static ntsection.nt.NtStatus.*;
import static org.junit.jupiter.api.Assertions.*;

/** NtProtectVirtualMemory, NtQueryVirtualMemory, NtAllocateVirtualMemory and NtFreeVirtualMemory. */
class VirtualMemoryTest {
    private static final long ME = Handles.NtCurrentProcess;

    private final Executive system = Systems.boot();
    private final Process alice = system.createProcess("alice", false);

    private NtStatus protect(long base, long size, int newProtect, LongOut old) {
        return system.inUserMode(alice, () -> system.nt().ntProtectVirtualMemory(ME, new LongOut(base), new LongOut(size),
                newProtect, old));
    }

    private MemoryBasicInformation query(long address) {
        Out<MemoryBasicInformation> info = new Out<>();
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice, () -> system.nt().ntQueryVirtualMemory(ME, address, 0, info)));
        return info.value;
    }

    private NtStatus allocate(LongOut base, long size, int type, int protect) {
        return system.inUserMode(alice, () -> system.nt().ntAllocateVirtualMemory(ME, base, 0, new LongOut(size), type, protect));
    }

    private NtStatus free(long base, long size, int type) {
        return system.inUserMode(alice, () -> system.nt().ntFreeVirtualMemory(ME, new LongOut(base), new LongOut(size), type));
    }

    private long view(int protect) {
        long section = TestSections.create(system, alice, 0x10000, PAGE_READWRITE, SEC_COMMIT);
        return TestSections.mapInUserMode(system, alice, section, protect);
    }

    @Test
    void protectReturnsTheFirstPagesOldProtectionAndRoundsTheRange() {
        long view = view(PAGE_READWRITE);
        LongOut base = new LongOut(view + 0x1800);
        LongOut size = new LongOut(0x1000);
        LongOut old = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice, () -> system.nt().ntProtectVirtualMemory(ME, base, size,
                PAGE_READONLY | PAGE_GUARD, old)));
        assertEquals(PAGE_READWRITE, old.value);
        assertEquals(view + 0x1000, base.value);
        assertEquals(0x2000, size.value);
        assertEquals(STATUS_SUCCESS, protect(view + 0x1000, 1, PAGE_NOACCESS, old));
        assertEquals(PAGE_READONLY | PAGE_GUARD, old.value, "the guard bit is part of the old protection");
    }

    @Test
    void aViewCannotBeProtectedBeyondItsMapTimeProtection() {
        long view = view(PAGE_READONLY);
        LongOut old = new LongOut();
        assertEquals(STATUS_SECTION_PROTECTION, protect(view, 0x1000, PAGE_READWRITE, old));
        assertEquals(STATUS_SUCCESS, protect(view, 0x1000, PAGE_WRITECOPY, old), "WRITECOPY counts as reading");
        assertEquals(STATUS_SUCCESS, protect(view, 0x1000, PAGE_NOACCESS, old));
        assertEquals(STATUS_SUCCESS, protect(view, 0x1000, PAGE_READONLY, old),
                "the bound is the map-time protection, not the current one");
        long noAccess = view(PAGE_NOACCESS);
        assertEquals(STATUS_SECTION_PROTECTION, protect(noAccess, 0x1000, PAGE_READONLY, old));
        assertEquals(STATUS_ACCESS_VIOLATION, system.userCode(alice, () -> system.mm().access().readByte(noAccess)));
    }

    @Test
    void protectChecksComeInNtOrder() {
        long view = view(PAGE_READWRITE);
        LongOut old = new LongOut();
        assertEquals(STATUS_INVALID_PAGE_PROTECTION, protect(view, 0x1000, PAGE_READONLY | PAGE_READWRITE, old));
        assertEquals(STATUS_ACCESS_VIOLATION, system.inUserMode(alice, () -> system.nt().ntProtectVirtualMemory(ME,
                new LongOut(view), new LongOut(0x1000), PAGE_READONLY, null)));
        assertEquals(STATUS_INVALID_PARAMETER_2, protect(AddressLimits.MM_SYSTEM_RANGE_START, 0x1000, PAGE_READONLY, old));
        assertEquals(STATUS_INVALID_PARAMETER_3, protect(view, 0, PAGE_READONLY, old));
        assertEquals(STATUS_INVALID_PAGE_PROTECTION, protect(view, 0x1000, PAGE_NOACCESS | PAGE_GUARD, old),
                "MiMakeProtectionMask refuses GUARD on NOACCESS");
        assertEquals(STATUS_CONFLICTING_ADDRESSES, protect(view + 0xF000, 0x2000, PAGE_READONLY, old), "two ranges");
        assertEquals(STATUS_CONFLICTING_ADDRESSES, protect(0x7000000, 0x1000, PAGE_READONLY, old), "nothing there");
        assertEquals(STATUS_INVALID_PARAMETER_4, protect(view, 0x1000, PAGE_READONLY | PAGE_NOCACHE, old));
    }

    @Test
    void queryDescribesViewsPrivateRangesAndFreeMemory() {
        long view = view(PAGE_READWRITE);
        protect(view + 0x2000, 0x1000, PAGE_READONLY, new LongOut());
        MemoryBasicInformation head = query(view + 0x123);
        assertEquals(new MemoryBasicInformation(view, view, PAGE_READWRITE, 0x2000, MEM_COMMIT, PAGE_READWRITE, MEM_MAPPED), head);
        assertEquals(new MemoryBasicInformation(view + 0x2000, view, PAGE_READWRITE, 0x1000, MEM_COMMIT, PAGE_READONLY,
                MEM_MAPPED), query(view + 0x2000));
        assertEquals(0xD000, query(view + 0x3000).regionSize());

        MemoryBasicInformation free = query(view + 0x10000);
        assertEquals(MEM_FREE, free.state());
        assertEquals(PAGE_NOACCESS, free.protect());
        assertEquals(0, free.allocationBase());
        assertEquals(0, free.type());
        assertEquals(AddressLimits.MM_USER_PROBE_ADDRESS - (view + 0x10000), free.regionSize());

        assertEquals(STATUS_INVALID_PARAMETER, system.inUserMode(alice, () -> system.nt().ntQueryVirtualMemory(ME,
                AddressLimits.MM_USER_PROBE_ADDRESS, 0, new Out<>())));
        assertEquals(STATUS_INVALID_INFO_CLASS, system.inUserMode(alice, () -> system.nt().ntQueryVirtualMemory(ME,
                view, 7, new Out<>())));
    }

    @Test
    void privateMemoryIsReservedThenCommittedThenDecommittedThenReleased() {
        LongOut base = new LongOut();
        assertEquals(STATUS_SUCCESS, allocate(base, 0x3000, MEM_RESERVE, PAGE_READWRITE));
        assertEquals(new MemoryBasicInformation(base.value, base.value, PAGE_READWRITE, 0x3000, MEM_RESERVE, 0, MEM_PRIVATE),
                query(base.value));
        assertEquals(STATUS_ACCESS_VIOLATION, system.userCode(alice, () -> system.mm().access().readByte(base.value)),
                "reserved is not committed");

        LongOut page = new LongOut(base.value + 0x1000);
        assertEquals(STATUS_SUCCESS, allocate(page, 0x10, MEM_COMMIT, PAGE_READWRITE));
        assertEquals(base.value + 0x1000, page.value);
        int free = system.mm().physicalMemory().freeFrames();
        system.userCode(alice, () -> system.mm().access().writeInt(base.value + 0x1008, 5));
        assertEquals(free - 1, system.mm().physicalMemory().freeFrames(), "demand-zero: the frame comes on first touch");
        assertEquals(STATUS_NOT_COMMITTED, protect(base.value, 0x2000, PAGE_READONLY, new LongOut()));

        assertEquals(STATUS_SUCCESS, free(base.value + 0x1000, 0x1000, MEM_DECOMMIT));
        assertEquals(free, system.mm().physicalMemory().freeFrames());
        assertEquals(STATUS_SUCCESS, allocate(new LongOut(base.value + 0x1000), 0x1000, MEM_COMMIT, PAGE_READWRITE));
        assertEquals(0, (int) system.inUserMode(alice, () -> system.mm().access().readInt(base.value + 0x1008)),
                "a recommitted page is zero again");

        assertEquals(STATUS_FREE_VM_NOT_AT_BASE, free(base.value + 0x1000, 0, MEM_RELEASE));
        assertEquals(STATUS_UNABLE_TO_FREE_VM, free(base.value, 0x4000, MEM_RELEASE));
        assertEquals(STATUS_SUCCESS, free(base.value, 0, MEM_RELEASE));
        assertEquals(MEM_FREE, query(base.value).state());
        assertEquals(STATUS_MEMORY_NOT_ALLOCATED, free(base.value, 0, MEM_RELEASE));
    }

    @Test
    void releasingTheMiddleOfARangeLeavesTwoRanges() {
        LongOut base = new LongOut();
        assertEquals(STATUS_SUCCESS, allocate(base, 0x3000, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE));
        system.userCode(alice, () -> system.mm().access().write(base.value, new byte[0x3000]));
        int free = system.mm().physicalMemory().freeFrames();
        assertEquals(STATUS_SUCCESS, free(base.value + 0x1000, 0x1000, MEM_RELEASE));
        assertEquals(free + 1, system.mm().physicalMemory().freeFrames());
        assertEquals(MEM_FREE, query(base.value + 0x1000).state());
        assertEquals(MEM_COMMIT, query(base.value + 0x2000).state());
        assertEquals(base.value + 0x2000, query(base.value + 0x2000).allocationBase());
        assertEquals(2, alice.addressSpace().vadCount());
    }

    @Test
    void allocationChecks() {
        assertEquals(STATUS_INVALID_PARAMETER_3, system.inUserMode(alice, () -> system.nt().ntAllocateVirtualMemory(ME,
                new LongOut(), 25, new LongOut(0x1000), MEM_RESERVE, PAGE_READWRITE)));
        assertEquals(STATUS_INVALID_PARAMETER_5, allocate(new LongOut(), 0x1000, MEM_DECOMMIT, PAGE_READWRITE));
        assertEquals(STATUS_INVALID_PARAMETER_5, allocate(new LongOut(), 0x1000, MEM_RESET | MEM_COMMIT, PAGE_READWRITE));
        assertEquals(STATUS_INVALID_PAGE_PROTECTION, allocate(new LongOut(), 0x1000, MEM_RESERVE, 0));
        assertEquals(STATUS_INVALID_PAGE_PROTECTION, allocate(new LongOut(), 0x1000, MEM_RESERVE, PAGE_WRITECOPY),
                "private memory is never copy-on-write");
        assertEquals(STATUS_INVALID_PARAMETER_4, allocate(new LongOut(), 0, MEM_RESERVE, PAGE_READWRITE));
        assertEquals(STATUS_INVALID_PARAMETER_2, allocate(new LongOut(AddressLimits.MM_USER_PROBE_ADDRESS), 0x1000,
                MEM_RESERVE, PAGE_READWRITE));
        assertEquals(STATUS_CONFLICTING_ADDRESSES, allocate(new LongOut(0x50000000L), 0x1000, MEM_COMMIT, PAGE_READWRITE),
                "committing where nothing is reserved");
        LongOut at = new LongOut(0x50001234L);
        assertEquals(STATUS_SUCCESS, allocate(at, 0x1000, MEM_RESERVE, PAGE_READWRITE));
        assertEquals(0x50000000L, at.value, "a reservation starts on a 64 KiB boundary");
        assertEquals(STATUS_CONFLICTING_ADDRESSES, allocate(new LongOut(0x50000000L), 0x1000, MEM_RESERVE, PAGE_READWRITE));
        assertEquals(STATUS_NO_MEMORY, allocate(new LongOut(), 1L << 40, MEM_RESERVE, PAGE_READWRITE),
                "the model's limit on one private range");
    }

    @Test
    void viewMemoryCannotBeFreedOnlyUnmapped() {
        long view = view(PAGE_READWRITE);
        assertEquals(STATUS_UNABLE_TO_DELETE_SECTION, free(view, 0x1000, MEM_DECOMMIT));
        assertEquals(STATUS_UNABLE_TO_DELETE_SECTION, free(view, 0, MEM_RELEASE));
        assertEquals(STATUS_INVALID_PARAMETER_4, free(view, 0, MEM_RELEASE | MEM_DECOMMIT));
        assertEquals(1, alice.addressSpace().viewCount());
    }

    @Test
    void committingInOneViewOfAReserveSectionCommitsItForEveryView() {
        long section = TestSections.create(system, alice, 0x20000, PAGE_READWRITE, SEC_RESERVE);
        long first = TestSections.mapInUserMode(system, alice, section, PAGE_READWRITE);
        long second = TestSections.mapInUserMode(system, alice, section, PAGE_READONLY);
        assertEquals(new MemoryBasicInformation(first, first, PAGE_READWRITE, 0x20000, MEM_RESERVE, 0, MEM_MAPPED), query(first));
        assertEquals(STATUS_ACCESS_VIOLATION, system.userCode(alice, () -> system.mm().access().readByte(first)));
        assertEquals(STATUS_NOT_COMMITTED, protect(first, 0x1000, PAGE_READONLY, new LongOut()));

        assertEquals(STATUS_SUCCESS, allocate(new LongOut(first), 0x10000, MEM_COMMIT, PAGE_READWRITE));
        system.userCode(alice, () -> system.mm().access().writeInt(first + 0x100, 77));
        assertEquals(77, (int) system.inUserMode(alice, () -> system.mm().access().readInt(second + 0x100)));
        MemoryBasicInformation seen = query(second);
        assertEquals(MEM_COMMIT, seen.state());
        assertEquals(PAGE_READONLY, seen.protect(), "with that view's own protection");
        assertEquals(0x10000, seen.regionSize());
        assertEquals(STATUS_CONFLICTING_ADDRESSES, allocate(new LongOut(first + 0x10000), 0x20000, MEM_COMMIT, PAGE_READWRITE),
                "committing past the end of the view");
    }

    @Test
    void aReserveSectionCommitsItsFirstCommitSizeBytesAtMapTime() {
        long section = TestSections.create(system, alice, 0x20000, PAGE_READWRITE, SEC_RESERVE);
        LongOut base = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice, () -> system.nt().ntMapViewOfSection(section, ME, base, 0, 0x1800,
                null, new LongOut(), ViewShare, 0, PAGE_READWRITE)));
        assertEquals(0x2000, query(base.value).regionSize());
        assertEquals(MEM_COMMIT, query(base.value).state());
        assertEquals(MEM_RESERVE, query(base.value + 0x2000).state());
    }

    /** UNCERTAIN, chosen after the ReactOS apitest run on Windows: commit-time protection is not bound by the view's. */
    @Test
    void commitOnANoAccessReserveViewMayGiveAnyProtection() {
        long section = TestSections.create(system, alice, 0x10000, PAGE_READWRITE, SEC_RESERVE);
        long view = TestSections.mapInUserMode(system, alice, section, PAGE_NOACCESS);
        assertEquals(STATUS_SUCCESS, allocate(new LongOut(view), 0x1000, MEM_COMMIT, PAGE_READONLY));
        assertEquals(STATUS_SUCCESS, allocate(new LongOut(view), 0x1000, MEM_COMMIT, PAGE_READWRITE));
        assertEquals(STATUS_SUCCESS, allocate(new LongOut(view), 0x1000, MEM_COMMIT, PAGE_EXECUTE_READWRITE));
        assertEquals(PAGE_EXECUTE_READWRITE, query(view).protect());
    }

    /** UNCERTAIN: a SEC_NO_CHANGE view is secured against user-mode unmap and protection changes. */
    @Test
    void aNoChangeViewRefusesUserModeUnmapAndProtect() {
        long section = TestSections.create(system, alice, 0x10000, PAGE_READWRITE, SEC_COMMIT);
        LongOut base = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inDispatchRoutine(alice, () -> system.zw().zwMapViewOfSection(section, ME, base,
                0, 0, null, new LongOut(), ViewUnmap, SEC_NO_CHANGE, PAGE_READWRITE)));
        assertEquals(STATUS_INVALID_PAGE_PROTECTION, system.inUserMode(alice, () -> system.nt().ntUnmapViewOfSection(ME, base.value)));
        assertEquals(STATUS_INVALID_PAGE_PROTECTION, protect(base.value, 0x1000, PAGE_NOACCESS, new LongOut()));
        assertEquals(STATUS_SUCCESS, system.inDispatchRoutine(alice, () -> system.zw().zwUnmapViewOfSection(ME, base.value)));
    }
}
