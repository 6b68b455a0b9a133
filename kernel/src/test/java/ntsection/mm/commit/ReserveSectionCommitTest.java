package ntsection.mm.commit;

import ntsection.Executive;
import ntsection.mm.ControlArea;
import ntsection.mm.MemoryBasicInformation;
import ntsection.mm.MemoryManager;
import ntsection.mm.Section;
import ntsection.nt.LongOut;
import ntsection.ps.Process;
import ntsection.testing.Systems;
import org.junit.jupiter.api.Test;

import static ntsection.mm.PageProtection.*;
import static ntsection.nt.NtStatus.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Committing a SEC_RESERVE section (kernel-mode-reactos.md §3.2: at map time with a
 * CommitSize, later with NtAllocateVirtualMemory(MEM_COMMIT)) is charged; when the
 * charge does not fit the status is STATUS_COMMITMENT_LIMIT and nothing changes.
 */
class ReserveSectionCommitTest {
    private final Executive system = Systems.boot();
    private final MemoryManager mm = system.mm();
    private final Process alice = system.createProcess("alice", false);
    private final CommitCalls calls = new CommitCalls(system, alice);

    private ControlArea controlArea(long handle) {
        return ((Section) alice.handleTable().lookup(handle).object()).controlArea();
    }

    @Test
    void mappingASecReserveSectionWithACommitSizeBeyondTheLimitIsCommitmentLimit() {
        long section = calls.section(8000L * PAGE_SIZE, PAGE_READWRITE, SEC_RESERVE);
        LongOut base = new LongOut();
        assertEquals(STATUS_COMMITMENT_LIMIT, calls.map(section, base, 5000L * PAGE_SIZE, PAGE_READWRITE));
        assertEquals(0, base.value, "outputs are not written");
        assertEquals(0, alice.addressSpace().viewCount());
        assertEquals(0, controlArea(section).mappedViews());
        assertEquals(0, controlArea(section).committedPages());
        assertEquals(0, mm.committedPages());
        assertEquals(STATUS_SUCCESS, calls.map(section, base, 16L * PAGE_SIZE, PAGE_READWRITE));
        assertEquals(16, mm.committedPages());
    }

    @Test
    void committingInsideASecReserveViewBeyondTheLimitIsCommitmentLimit() {
        long section = calls.section(8000L * PAGE_SIZE, PAGE_READWRITE, SEC_RESERVE);
        LongOut base = new LongOut();
        assertEquals(STATUS_SUCCESS, calls.map(section, base, 0, PAGE_READWRITE));
        LongOut commit = new LongOut(base.value);
        assertEquals(STATUS_COMMITMENT_LIMIT, calls.allocate(commit, 5000L * PAGE_SIZE, MEM_COMMIT, PAGE_READONLY));
        MemoryBasicInformation info = calls.query(base.value);
        assertEquals(MEM_RESERVE, info.state());
        assertEquals(0, info.protect());
        assertEquals(0, controlArea(section).committedPages());
        assertEquals(0, mm.committedPages());
    }

    @Test
    void aFailedWriteCopyCommitInASecReserveViewGivesBackItsCopyCharge() {
        long section = calls.section(3000L * PAGE_SIZE, PAGE_READWRITE, SEC_RESERVE);
        LongOut base = new LongOut();
        assertEquals(STATUS_SUCCESS, calls.map(section, base, 0, PAGE_READWRITE));
        // 3000 private copies fit, 3000 section pages on top of them do not.
        assertEquals(STATUS_COMMITMENT_LIMIT, calls.allocate(new LongOut(base.value), 3000L * PAGE_SIZE, MEM_COMMIT,
                PAGE_WRITECOPY));
        assertEquals(0, mm.committedPages());
        assertEquals(MEM_RESERVE, calls.query(base.value).state());
        assertEquals(STATUS_SUCCESS, calls.allocate(new LongOut(base.value), 2000L * PAGE_SIZE, MEM_COMMIT, PAGE_WRITECOPY));
        assertEquals(4000, mm.committedPages(), "2000 section pages and 2000 private copies");
    }
}
