package ntsection.mm.commit;

import ntsection.Executive;
import ntsection.mm.MemoryManager;
import ntsection.nt.LongOut;
import ntsection.ps.Process;
import ntsection.testing.Systems;
import org.junit.jupiter.api.Test;

import static ntsection.mm.PageProtection.*;
import static ntsection.nt.NtStatus.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Private memory and the commit charge (kernel-mode-reactos.md §2.3: the commit limit
 * and STATUS_COMMITMENT_LIMIT). The machine has 4096 frames and no page file, so 4096
 * pages is the limit.
 */
class PrivateCommitChargeTest {
    private final Executive system = Systems.boot();
    private final MemoryManager mm = system.mm();
    private final Process alice = system.createProcess("alice", false);
    private final CommitCalls calls = new CommitCalls(system, alice);

    @Test
    void privateCommitChargesOnlyPagesNotYetCommitted() {
        LongOut base = new LongOut();
        assertEquals(STATUS_SUCCESS, calls.allocate(base, 16 * PAGE_SIZE, MEM_RESERVE, PAGE_READWRITE));
        assertEquals(0, mm.committedPages(), "a reservation costs no commit");
        assertEquals(STATUS_SUCCESS, calls.allocate(new LongOut(base.value), 4 * PAGE_SIZE, MEM_COMMIT, PAGE_READWRITE));
        assertEquals(4, mm.committedPages());
        assertEquals(STATUS_SUCCESS, calls.allocate(new LongOut(base.value), 8 * PAGE_SIZE, MEM_COMMIT, PAGE_READONLY));
        assertEquals(8, mm.committedPages(), "re-committing the first four pages costs nothing");
    }

    @Test
    void privateCommitBeyondTheLimitIsCommitmentLimitAndChangesNothing() {
        LongOut base = new LongOut();
        assertEquals(STATUS_SUCCESS, calls.allocate(base, 5000L * PAGE_SIZE, MEM_RESERVE, PAGE_READWRITE));
        LongOut commit = new LongOut(base.value);
        assertEquals(STATUS_COMMITMENT_LIMIT, calls.allocate(commit, 5000L * PAGE_SIZE, MEM_COMMIT, PAGE_READWRITE));
        assertEquals(base.value, commit.value, "outputs are not written");
        assertEquals(MEM_RESERVE, calls.query(base.value).state());
        assertEquals(0, mm.committedPages());

        LongOut fresh = new LongOut();
        assertEquals(STATUS_COMMITMENT_LIMIT, calls.allocate(fresh, 5000L * PAGE_SIZE, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE));
        assertEquals(0, fresh.value);
        assertEquals(1, alice.addressSpace().vadCount(), "no range was reserved by the failed call");
        assertEquals(0, mm.committedPages());
    }

    @Test
    void committingMoreThanRamIsCommitmentLimitNeverAnException() {
        LongOut base = new LongOut();
        assertEquals(STATUS_SUCCESS, calls.allocate(base, mm.commitLimit() * PAGE_SIZE, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE));
        for (long page = 0; page < mm.commitLimit(); page++) calls.write(base.value + page * PAGE_SIZE, (byte) 1);
        assertEquals(0, mm.physicalMemory().freeFrames(), "every frame is in use");
        assertEquals(STATUS_COMMITMENT_LIMIT, calls.allocate(new LongOut(), PAGE_SIZE, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE));
        assertEquals(STATUS_COMMITMENT_LIMIT, system.inUserMode(alice, () -> system.nt().ntCreateSection(new LongOut(),
                SECTION_ALL_ACCESS, null, (long) PAGE_SIZE, PAGE_READWRITE, SEC_COMMIT, 0)));
    }

    @Test
    void decommitAndReleaseGiveTheChargeBack() {
        LongOut base = new LongOut();
        assertEquals(STATUS_SUCCESS, calls.allocate(base, 16 * PAGE_SIZE, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE));
        calls.write(base.value, (byte) 7);
        assertEquals(16, mm.committedPages());
        assertEquals(STATUS_SUCCESS, calls.free(base.value, 4 * PAGE_SIZE, MEM_DECOMMIT));
        assertEquals(12, mm.committedPages());
        assertEquals(STATUS_SUCCESS, calls.free(base.value + 8 * PAGE_SIZE, 2 * PAGE_SIZE, MEM_RELEASE));
        assertEquals(10, mm.committedPages(), "a partial release gives back only the released pages");
        assertEquals(STATUS_SUCCESS, calls.free(base.value, 0, MEM_RELEASE));
        assertEquals(STATUS_SUCCESS, calls.free(base.value + 10 * PAGE_SIZE, 0, MEM_RELEASE));
        assertEquals(0, mm.committedPages());
    }

    @Test
    void processExitGivesThePrivateChargeBack() {
        assertEquals(STATUS_SUCCESS, calls.allocate(new LongOut(), 32 * PAGE_SIZE, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE));
        assertEquals(32, mm.committedPages());
        system.terminateProcess(alice, STATUS_SUCCESS);
        assertEquals(0, mm.committedPages());
    }
}
