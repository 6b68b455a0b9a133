package ntsection.mm.section;

import ntsection.Executive;
import ntsection.mm.ControlArea;
import ntsection.mm.MemoryManager;
import ntsection.nt.LongOut;
import ntsection.ob.ObjectAttributes;
import ntsection.ps.Process;
import ntsection.testing.Systems;
import org.junit.jupiter.api.Test;

import static ntsection.mm.PageProtection.*;
import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Attributes.OBJ_OPENIF;
import static org.junit.jupiter.api.Assertions.*;


/**
 * Section sizes (page-rounded, bounded) and the commit charge: SEC_COMMIT charges every
 * page at creation, SEC_RESERVE charges each page when it is committed, and the charge
 * comes back when the control area is released. The machine has 4096 frames.
 */
class SectionSizeAndCommitTest {
    private final Executive system = Systems.boot();
    private final MemoryManager mm = system.mm();
    private final Process alice = system.createProcess("alice", false);
    private final UserSectionCalls calls = new UserSectionCalls(system, alice);

    @Test
    void pageFileBackedSizesAreRoundedUpToWholePages() {
        long commit = calls.created(null, 0x123, PAGE_READWRITE, SEC_COMMIT);
        assertEquals(0x1000, calls.basic(commit).size());
        assertEquals(SEC_COMMIT, calls.basic(commit).attributes());
        assertEquals(0, calls.basic(commit).baseAddress());
        long reserve = calls.created(null, PAGE_SIZE + 1, PAGE_READWRITE, SEC_RESERVE);
        assertEquals(0x2000, calls.basic(reserve).size());
        assertEquals(SEC_RESERVE, calls.basic(reserve).attributes());
        assertEquals(2, calls.section(reserve).controlArea().pageCount());
        assertEquals(STATUS_SUCCESS, calls.close(commit));
        assertEquals(STATUS_SUCCESS, calls.close(reserve));
    }

    @Test
    void aSizeOfMinusOneIsSectionTooBigEvenForSecCommit() {
        LongOut handle = new LongOut();
        assertEquals(STATUS_SECTION_TOO_BIG, calls.create(handle, null, -1L, PAGE_READWRITE, SEC_COMMIT));
        assertEquals(STATUS_SECTION_TOO_BIG, calls.create(handle, null, -1L, PAGE_READWRITE, SEC_RESERVE));
        assertEquals(0, mm.committedPages());
    }

    @Test
    void aReserveBeyondTheFortySevenBitRangeIsSectionTooBig() {
        LongOut handle = new LongOut();
        assertEquals(STATUS_SECTION_TOO_BIG, calls.create(handle, null, 0x800000000000L, PAGE_READWRITE, SEC_RESERVE));
    }

    @Test
    void anEightTerabyteReserveIsInsufficientResourcesForItsPrototypePtes() {
        LongOut handle = new LongOut();
        assertEquals(STATUS_INSUFFICIENT_RESOURCES, calls.create(handle, null, 0x80000000000L, PAGE_READWRITE, SEC_RESERVE));
        assertEquals(0, alice.handleTable().count());
    }

    @Test
    void aLargeReserveCostsNoCommitAndNoFrames() {
        int freeAtBoot = mm.physicalMemory().freeFrames();
        long handle = calls.created(null, 0x4000000000L, PAGE_READWRITE, SEC_RESERVE);
        assertEquals(0x4000000000L, calls.basic(handle).size());
        assertEquals(0, mm.committedPages());
        assertEquals(freeAtBoot, mm.physicalMemory().freeFrames());
        assertEquals(STATUS_SUCCESS, calls.close(handle));
    }

    @Test
    void aSecCommitBeyondTheCommitLimitIsCommitmentLimit() {
        LongOut handle = new LongOut();
        assertEquals(STATUS_COMMITMENT_LIMIT, calls.create(handle, null, 512L << 30, PAGE_READWRITE, SEC_COMMIT));
        assertEquals(4096, mm.commitLimit());
        assertEquals(STATUS_COMMITMENT_LIMIT, calls.create(handle, null, 4097L * PAGE_SIZE, PAGE_READWRITE, SEC_COMMIT));
        assertEquals(0, mm.committedPages());
        assertEquals(0, alice.handleTable().count());
    }

    @Test
    void secCommitChargesEveryPageAtCreationAndTheLastCloseGivesItBack() {
        long first = calls.created(null, 3000L * PAGE_SIZE, PAGE_READWRITE, SEC_COMMIT);
        assertEquals(3000, mm.committedPages());
        LongOut second = new LongOut();
        assertEquals(STATUS_COMMITMENT_LIMIT, calls.create(second, null, 1100L * PAGE_SIZE, PAGE_READWRITE, SEC_COMMIT));
        assertEquals(STATUS_SUCCESS, calls.create(second, null, 1096L * PAGE_SIZE, PAGE_READWRITE, SEC_COMMIT));
        assertEquals(4096, mm.committedPages());
        assertEquals(STATUS_SUCCESS, calls.close(first));
        assertEquals(1096, mm.committedPages());
        assertEquals(STATUS_SUCCESS, calls.close(second.value));
        assertEquals(0, mm.committedPages());
    }

    @Test
    void secReserveChargesOnCommitThroughTheControlArea() {
        long handle = calls.created(null, 0x10000, PAGE_READWRITE, SEC_RESERVE);
        ControlArea area = calls.section(handle).controlArea();
        assertEquals(0, mm.committedPages());
        assertFalse(area.isCommitted(0));
        assertEquals(STATUS_SUCCESS, area.commit(0, 4));
        assertEquals(4, mm.committedPages());
        assertEquals(STATUS_SUCCESS, area.commit(2, 4), "pages 2 and 3 are committed already and cost nothing");
        assertEquals(6, mm.committedPages());
        assertEquals(6, area.committedPages());
        assertTrue(area.isCommitted(5));
        assertFalse(area.isCommitted(6));
        assertEquals(STATUS_SUCCESS, calls.close(handle));
        assertEquals(0, mm.committedPages());
    }

    @Test
    void aCommitThatDoesNotFitChangesNothing() {
        long big = calls.created(null, 4090L * PAGE_SIZE, PAGE_READWRITE, SEC_COMMIT);
        long reserve = calls.created(null, 0x10000, PAGE_READWRITE, SEC_RESERVE);
        ControlArea area = calls.section(reserve).controlArea();
        assertEquals(STATUS_COMMITMENT_LIMIT, area.commit(0, 8));
        assertEquals(0, area.committedPages());
        assertFalse(area.isCommitted(0));
        assertEquals(4090, mm.committedPages());
        assertEquals(STATUS_SUCCESS, area.commit(0, 6));
        assertEquals(4096, mm.committedPages());
        assertEquals(STATUS_SUCCESS, calls.close(big));
        assertEquals(STATUS_SUCCESS, calls.close(reserve));
        assertEquals(0, mm.committedPages());
    }

    @Test
    void privateCommitSharesTheLimitWithSections() {
        LongOut base = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice, () -> system.nt().ntAllocateVirtualMemory(
                ntsection.ob.Handles.NtCurrentProcess, base, 0, new LongOut(4000L * PAGE_SIZE), MEM_COMMIT | MEM_RESERVE,
                PAGE_READWRITE)));
        LongOut handle = new LongOut();
        assertEquals(STATUS_COMMITMENT_LIMIT, calls.create(handle, null, 100L * PAGE_SIZE, PAGE_READWRITE, SEC_COMMIT));
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice, () -> system.nt().ntFreeVirtualMemory(
                ntsection.ob.Handles.NtCurrentProcess, new LongOut(base.value), new LongOut(0), MEM_RELEASE)));
        assertEquals(STATUS_SUCCESS, calls.create(handle, null, 100L * PAGE_SIZE, PAGE_READWRITE, SEC_COMMIT));
        assertEquals(STATUS_SUCCESS, calls.close(handle.value));
    }

    @Test
    void aFailedInsertGivesTheChargeBack() {
        ObjectAttributes name = ObjectAttributes.named("\\BaseNamedObjects\\charged", 0);
        long first = calls.created(name, 100L * PAGE_SIZE, PAGE_READWRITE, SEC_COMMIT);
        LongOut second = new LongOut();
        assertEquals(STATUS_OBJECT_NAME_COLLISION, calls.create(second, name, 200L * PAGE_SIZE, PAGE_READWRITE, SEC_COMMIT));
        assertEquals(100, mm.committedPages());
        assertEquals(STATUS_OBJECT_NAME_EXISTS, calls.create(second,
                ObjectAttributes.named("\\BaseNamedObjects\\charged", OBJ_OPENIF), 200L * PAGE_SIZE, PAGE_READWRITE, SEC_COMMIT));
        assertEquals(100, mm.committedPages(), "the discarded new section's charge went with it");
        assertEquals(100L * PAGE_SIZE, calls.basic(second.value).size(), "OBJ_OPENIF returns the existing section unchanged");
        assertEquals(STATUS_SUCCESS, calls.close(first));
        assertEquals(STATUS_SUCCESS, calls.close(second.value));
        assertEquals(0, mm.committedPages());
    }

    @Test
    void largePagesNeedSecCommitAndAWholeNumberOfLargePages() {
        LongOut handle = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inSystemThread(() -> system.zw().zwCreateSection(handle, SECTION_ALL_ACCESS,
                null, 0x400000L, PAGE_READWRITE, SEC_COMMIT | SEC_LARGE_PAGES, 0)));
        assertEquals(1024, mm.committedPages());
        assertEquals(STATUS_SUCCESS, system.inSystemThread(() -> system.zw().zwClose(handle.value)));
        assertEquals(STATUS_INVALID_PARAMETER_4, calls.create(handle, null, 0x401000L, PAGE_READWRITE, SEC_COMMIT | SEC_LARGE_PAGES));
    }

    @Test
    void modelChoiceLargePagesWithSecReserveIsInvalidParameter6() {
        LongOut handle = new LongOut();
        assertEquals(STATUS_INVALID_PARAMETER_6, calls.create(handle, null, 0x400000L, PAGE_READWRITE, SEC_RESERVE | SEC_LARGE_PAGES));
    }
}
