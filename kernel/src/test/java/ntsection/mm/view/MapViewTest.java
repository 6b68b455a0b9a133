package ntsection.mm.view;

import ntsection.Executive;
import ntsection.mm.AddressLimits;
import ntsection.mm.Section;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.ob.Handles;
import ntsection.ps.Process;
import ntsection.ps.ProcessAccess;
import ntsection.testing.Systems;
import org.junit.jupiter.api.Test;

import static ntsection.mm.PageProtection.*;
import static ntsection.nt.NtStatus.*;
import static org.junit.jupiter.api.Assertions.*;

/** NtMapViewOfSection's checks in NT's order, placement, and what a view holds on to. */
class MapViewTest {
    private static final long ME = Handles.NtCurrentProcess;

    private final Executive system = Systems.boot();
    private final Process alice = system.createProcess("alice", false);
    private final long section = TestSections.create(system, alice, 0x20000, PAGE_READWRITE, SEC_COMMIT);

    private NtStatus map(long sectionHandle, long process, LongOut base, long zeroBits, long commit, LongOut offset,
                         LongOut size, int inherit, int type, int protect) {
        return system.inUserMode(alice, () -> system.nt().ntMapViewOfSection(sectionHandle, process, base, zeroBits, commit,
                offset, size, inherit, type, protect));
    }

    private NtStatus map(LongOut base, LongOut size, int type, int protect) {
        return map(section, ME, base, 0, 0, null, size, ViewShare, type, protect);
    }

    @Test
    void nullBaseTakesTheLowestFreeGranularityAlignedRangeAndReportsThePageRoundedSize() {
        LongOut first = new LongOut();
        LongOut size = new LongOut();
        assertEquals(STATUS_SUCCESS, map(first, size, 0, PAGE_READWRITE));
        assertEquals(AddressLimits.MM_LOWEST_USER_ADDRESS, first.value);
        assertEquals(0x20000, size.value);
        LongOut second = new LongOut();
        assertEquals(STATUS_SUCCESS, map(second, new LongOut(), 0, PAGE_READONLY));
        assertEquals(0x30000, second.value, "the next 64 KiB boundary after the first view");
    }

    @Test
    void topDownPlacesTheViewAtTheHighestFreeRange() {
        LongOut base = new LongOut();
        assertEquals(STATUS_SUCCESS, map(base, new LongOut(), MEM_TOP_DOWN, PAGE_READWRITE));
        assertEquals(AddressLimits.granularityRoundDown(AddressLimits.MM_HIGHEST_VAD_ADDRESS - 0x20000 + 1), base.value);
    }

    @Test
    void aSmallSectionMapsAsWholePages() {
        long small = TestSections.create(system, alice, 4090, PAGE_READWRITE, SEC_COMMIT);
        LongOut size = new LongOut();
        assertEquals(STATUS_SUCCESS, map(small, ME, new LongOut(), 0, 0, null, size, ViewShare, 0, PAGE_READWRITE));
        assertEquals(0x1000, size.value);
    }

    @Test
    void argumentChecksComeInNtOrder() {
        LongOut base = new LongOut(0x567A20);
        assertEquals(STATUS_INVALID_PARAMETER_8, map(0, ME, base, 0, 0, null, new LongOut(), 3, MEM_COMMIT, 6));
        assertEquals(STATUS_INVALID_PARAMETER_9, map(0, ME, base, 0, 0, null, new LongOut(), ViewShare, MEM_COMMIT, 6));
        assertEquals(STATUS_INVALID_PARAMETER_9, map(section, ME, new LongOut(), 0, 0, null, new LongOut(), ViewShare,
                AT_ROUND_TO_PAGE, PAGE_READWRITE), "AT_ROUND_TO_PAGE does not exist on x64");
        assertEquals(STATUS_INVALID_PAGE_PROTECTION, map(0, ME, base, 0, 0, null, new LongOut(), ViewShare, 0,
                PAGE_READWRITE | PAGE_READONLY));
        assertEquals(STATUS_INVALID_PARAMETER_3, map(0, ME, new LongOut(AddressLimits.MM_SYSTEM_RANGE_START + 200), 0, 0,
                null, new LongOut(), ViewShare, 0, PAGE_READWRITE));
        assertEquals(STATUS_INVALID_PARAMETER_3, map(0, ME, new LongOut(), 0, 0, null, new LongOut(-1), ViewShare, 0,
                PAGE_READWRITE));
        assertEquals(STATUS_INVALID_PARAMETER_4, map(0, ME, base, 22, 0, null, new LongOut(), ViewShare, 0, PAGE_READWRITE));
        assertEquals(STATUS_INVALID_HANDLE, map(0, ME, base, 0, 0, null, new LongOut(), ViewShare, 0, PAGE_READWRITE),
                "a bad handle is reported before the unaligned base");
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, map(ME, ME, base, 0, 0, null, new LongOut(), ViewShare, 0, PAGE_READWRITE),
                "the current-process pseudo-handle is not a section");
        assertEquals(STATUS_MAPPED_ALIGNMENT, map(section, ME, base, 0, 0, null, new LongOut(), ViewShare, 0, PAGE_READWRITE));
        assertEquals(STATUS_MAPPED_ALIGNMENT, map(section, ME, new LongOut(), 0, 0, new LongOut(0x40211), new LongOut(),
                ViewShare, 0, PAGE_READWRITE), "offsets are not aligned for the caller");
        assertEquals(STATUS_SECTION_PROTECTION, map(section, ME, new LongOut(), 0, 0, null, new LongOut(), ViewShare, 0,
                PAGE_EXECUTE_READWRITE), "a READWRITE section refuses an EXECUTE_READWRITE view");
        assertEquals(STATUS_INVALID_PARAMETER_9, map(section, ME, new LongOut(), 0, 0, null, new LongOut(), ViewShare,
                MEM_RESERVE, PAGE_READWRITE), "MEM_RESERVE is for file-backed views");
        assertEquals(STATUS_INVALID_VIEW_SIZE, map(section, ME, new LongOut(), 0, 0, null, new LongOut(0x20001), ViewShare, 0,
                PAGE_READWRITE));
        assertEquals(STATUS_INVALID_VIEW_SIZE, map(section, ME, new LongOut(), 0, 0, new LongOut(0x20000), new LongOut(),
                ViewShare, 0, PAGE_READWRITE), "an offset at the end leaves nothing to map");
        assertEquals(STATUS_INVALID_PARAMETER_5, map(section, ME, new LongOut(), 0, -1, null, new LongOut(), ViewShare, 0,
                PAGE_READWRITE));
        assertEquals(0, alice.addressSpace().viewCount(), "no failed call left a view behind");
    }

    @Test
    void theHandleMustGrantTheAccessTheViewProtectionNeeds() {
        long readOnly = TestSections.create(system, alice, 0x10000, PAGE_READWRITE, SEC_COMMIT, SECTION_MAP_READ);
        assertEquals(STATUS_ACCESS_DENIED, map(readOnly, ME, new LongOut(), 0, 0, null, new LongOut(), ViewShare, 0,
                PAGE_READWRITE));
        assertEquals(STATUS_SUCCESS, map(readOnly, ME, new LongOut(), 0, 0, null, new LongOut(), ViewShare, 0, PAGE_NOACCESS),
                "a NOACCESS view needs SECTION_MAP_READ");
    }

    @Test
    void aBaseInsideAnExistingRangeConflicts() {
        LongOut base = new LongOut();
        assertEquals(STATUS_SUCCESS, map(base, new LongOut(), 0, PAGE_READWRITE));
        assertEquals(STATUS_CONFLICTING_ADDRESSES, map(new LongOut(base.value), new LongOut(), 0, PAGE_READWRITE));
        LongOut explicit = new LongOut(0x50000000L);
        assertEquals(STATUS_SUCCESS, map(explicit, new LongOut(), 0, PAGE_READWRITE));
        assertEquals(0x50000000L, explicit.value);
    }

    @Test
    void zeroBitsBelowTwentyTwoLimitTheAddressAndCanLeaveNoRoom() {
        LongOut base = new LongOut();
        assertEquals(STATUS_SUCCESS, map(section, ME, base, 1, 0, null, new LongOut(), ViewShare, MEM_TOP_DOWN, PAGE_READWRITE));
        assertTrue(base.value + 0x20000 <= 1L << 31, "zero bits 1 keeps the view below 2 GiB");
        assertEquals(STATUS_NO_MEMORY, map(section, ME, new LongOut(), 16, 0, null, new LongOut(), ViewShare, 0, PAGE_READWRITE),
                "below 64 KiB there is no user range at all");
        assertEquals(STATUS_INVALID_PARAMETER_4, map(section, ME, new LongOut(0x30000000L), 3, 0, null, new LongOut(),
                ViewShare, 0, PAGE_READWRITE));
        assertEquals(STATUS_SUCCESS, map(section, ME, new LongOut(), -1, 0, null, new LongOut(), ViewShare, 0, PAGE_READWRITE),
                "on x64 a value of 32 or more is a mask, and all ones limits nothing");
    }

    @Test
    void aViewAddsNoReferenceToTheSectionAndOutlivesItsLastHandle() {
        Section object = TestSections.object(alice, section);
        int before = object.pointerCount();
        long base = TestSections.mapInUserMode(system, alice, section, PAGE_READWRITE);
        assertEquals(before, object.pointerCount());
        assertEquals(1, object.controlArea().mappedViews());
        system.userCode(alice, () -> system.mm().access().writeInt(base + 0x1000, 0x1a2b3c4d));
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice, () -> system.nt().ntClose(section)));
        assertTrue(object.isDeleted());
        assertEquals(0x1a2b3c4d, system.inUserMode(alice, () -> system.mm().access().readInt(base + 0x1000)));
        assertFalse(object.controlArea().isReleased());
    }

    @Test
    void theLastViewOfADeletedSectionReleasesItsFrames() {
        int free = system.mm().physicalMemory().freeFrames();
        Section object = TestSections.object(alice, section);
        long base = TestSections.mapInUserMode(system, alice, section, PAGE_READWRITE);
        system.userCode(alice, () -> system.mm().access().write(base, new byte[0x20000]));
        assertEquals(free - 32, system.mm().physicalMemory().freeFrames());
        system.inUserMode(alice, () -> system.nt().ntClose(section));
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice, () -> system.nt().ntUnmapViewOfSection(ME, base + 0x1234)),
                "any address inside the view unmaps it");
        assertTrue(object.controlArea().isReleased());
        assertEquals(free, system.mm().physicalMemory().freeFrames());
    }

    @Test
    void unmapRefusesPrivateMemoryFreeAddressesAndKernelAddresses() {
        LongOut privateBase = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice, () -> system.nt().ntAllocateVirtualMemory(ME, privateBase, 0,
                new LongOut(0x1000), MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE)));
        assertEquals(STATUS_NOT_MAPPED_VIEW, system.inUserMode(alice, () -> system.nt().ntUnmapViewOfSection(ME, privateBase.value)));
        assertEquals(STATUS_NOT_MAPPED_VIEW, system.inUserMode(alice, () -> system.nt().ntUnmapViewOfSection(ME, 0xdeadbeefL)));
        assertEquals(STATUS_NOT_MAPPED_VIEW, system.inUserMode(alice,
                () -> system.nt().ntUnmapViewOfSection(ME, AddressLimits.SYSTEM_VIEW_START)));
    }

    @Test
    void aDriverMapsIntoAnotherProcessThroughItsHandle() {
        Process bob = system.createProcess("bob", false);
        LongOut bobHandle = new LongOut();
        LongOut base = new LongOut();
        NtStatus mapped = system.inDispatchRoutine(alice, () -> {
            assertEquals(STATUS_SUCCESS, system.zw().zwOpenProcess(bobHandle, ProcessAccess.PROCESS_VM_OPERATION,
                    ntsection.ob.ObjectAttributes.unnamed(ntsection.ob.Attributes.OBJ_KERNEL_HANDLE), bob.id()));
            return system.zw().zwMapViewOfSection(section, bobHandle.value, base, 0, 0, null, new LongOut(), ViewUnmap, 0,
                    PAGE_READWRITE);
        });
        assertEquals(STATUS_SUCCESS, mapped);
        assertEquals(1, bob.addressSpace().viewCount());
        assertEquals(0, alice.addressSpace().viewCount());
        system.inSystemThread(() -> system.zw().zwClose(bobHandle.value));
    }

    @Test
    void anExitedProcessTakesNoNewViewAndCannotBeUnmappedFrom() {
        Process bob = system.createProcess("bob", false);
        LongOut bobHandle = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inDispatchRoutine(alice, () -> system.zw().zwOpenProcess(bobHandle,
                ProcessAccess.PROCESS_ALL_ACCESS, ntsection.ob.ObjectAttributes.unnamed(0), bob.id())));
        system.terminateProcess(bob, STATUS_SUCCESS);
        assertEquals(STATUS_PROCESS_IS_TERMINATING, map(section, bobHandle.value, new LongOut(), 0, 0, null, new LongOut(),
                ViewShare, 0, PAGE_READWRITE));
        assertEquals(STATUS_PROCESS_IS_TERMINATING, system.inUserMode(alice,
                () -> system.nt().ntUnmapViewOfSection(bobHandle.value, 0x10000)));
    }

    @Test
    void mappingIntoAnotherProcessNeedsVmOperationOnItsHandle() {
        Process bob = system.createProcess("bob", false);
        LongOut bobHandle = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inDispatchRoutine(alice, () -> system.zw().zwOpenProcess(bobHandle,
                ProcessAccess.PROCESS_QUERY_INFORMATION, ntsection.ob.ObjectAttributes.unnamed(0), bob.id())));
        assertEquals(STATUS_ACCESS_DENIED, map(section, bobHandle.value, new LongOut(), 0, 0, null, new LongOut(), ViewShare, 0,
                PAGE_READWRITE));
    }

    @Test
    void processExitUnmapsEveryViewAndTheSectionGoesWithItsLastView() {
        Process bob = system.createProcess("bob", false);
        long bobSection = TestSections.create(system, bob, 0x10000, PAGE_READWRITE, SEC_COMMIT);
        Section object = TestSections.object(bob, bobSection);
        long base = TestSections.mapInUserMode(system, bob, bobSection, PAGE_READWRITE);
        TestSections.mapInUserMode(system, bob, bobSection, PAGE_READONLY);
        system.userCode(bob, () -> system.mm().access().writeLong(base, 42));
        int free = system.mm().physicalMemory().freeFrames();
        system.terminateProcess(bob, STATUS_SUCCESS);
        assertEquals(0, bob.addressSpace().viewCount());
        assertTrue(object.controlArea().isReleased(), "handle closed and views gone: the section's pages go");
        assertEquals(free + 1, system.mm().physicalMemory().freeFrames());
    }
}
