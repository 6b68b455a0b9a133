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
 * Model choice, after NT (MiMapViewOfSection): a copy-on-write view is charged commit
 * for its private copies when it is mapped, or when its pages become copy-on-write,
 * never at the first write; the write that copies a page therefore cannot fail.
 */
class CopyOnWriteChargeTest {
    private final Executive system = Systems.boot();
    private final MemoryManager mm = system.mm();
    private final Process alice = system.createProcess("alice", false);
    private final CommitCalls calls = new CommitCalls(system, alice);

    @Test
    void aWriteCopyViewIsChargedForItsPagesAtMapTime() {
        long section = calls.section(4 * PAGE_SIZE, PAGE_READWRITE, SEC_COMMIT);
        assertEquals(4, mm.committedPages());
        LongOut base = new LongOut();
        assertEquals(STATUS_SUCCESS, calls.map(section, base, 0, PAGE_WRITECOPY));
        assertEquals(8, mm.committedPages(), "four private copies promised at map time");
        calls.write(base.value, (byte) 1);
        assertEquals(8, mm.committedPages(), "the first write takes nothing more");
        assertEquals(STATUS_SUCCESS, calls.unmap(base.value));
        assertEquals(4, mm.committedPages());
        assertEquals(STATUS_SUCCESS, calls.close(section));
        assertEquals(0, mm.committedPages());
    }

    @Test
    void aWriteCopyViewThatCannotBeChargedIsCommitmentLimit() {
        long section = calls.section(3000L * PAGE_SIZE, PAGE_READWRITE, SEC_COMMIT);
        LongOut base = new LongOut();
        assertEquals(STATUS_COMMITMENT_LIMIT, calls.map(section, base, 0, PAGE_WRITECOPY));
        assertEquals(0, base.value);
        assertEquals(0, alice.addressSpace().viewCount());
        assertEquals(3000, mm.committedPages());
        assertEquals(STATUS_SUCCESS, calls.map(section, base, 0, PAGE_READONLY), "a view that copies nothing still fits");
    }

    @Test
    void protectToWriteCopyChargesEachPageOnce() {
        long section = calls.section(4 * PAGE_SIZE, PAGE_READWRITE, SEC_COMMIT);
        LongOut base = new LongOut();
        assertEquals(STATUS_SUCCESS, calls.map(section, base, 0, PAGE_READWRITE));
        assertEquals(4, mm.committedPages());
        LongOut old = new LongOut();
        assertEquals(STATUS_SUCCESS, calls.protect(base.value, 2 * PAGE_SIZE, PAGE_WRITECOPY, old));
        assertEquals(6, mm.committedPages());
        assertEquals(STATUS_SUCCESS, calls.protect(base.value, 2 * PAGE_SIZE, PAGE_WRITECOPY, old));
        assertEquals(6, mm.committedPages(), "already charged");
        assertEquals(STATUS_SUCCESS, calls.protect(base.value, 4 * PAGE_SIZE, PAGE_WRITECOPY, old));
        assertEquals(8, mm.committedPages());
        assertEquals(STATUS_SUCCESS, calls.unmap(base.value));
        assertEquals(4, mm.committedPages());
    }

    @Test
    void protectToWriteCopyBeyondTheLimitIsCommitmentLimitAndChangesNothing() {
        long section = calls.section(3000L * PAGE_SIZE, PAGE_READWRITE, SEC_COMMIT);
        LongOut base = new LongOut();
        assertEquals(STATUS_SUCCESS, calls.map(section, base, 0, PAGE_READWRITE));
        LongOut old = new LongOut(-1);
        assertEquals(STATUS_COMMITMENT_LIMIT, calls.protect(base.value, 3000L * PAGE_SIZE, PAGE_WRITECOPY, old));
        assertEquals(-1, old.value);
        assertEquals(PAGE_READWRITE, calls.query(base.value).protect());
        assertEquals(3000, mm.committedPages());
    }

    @Test
    void writingEveryPageOfAFullyChargedWriteCopyViewNeverRunsOutOfFrames() {
        long section = calls.section(2048L * PAGE_SIZE, PAGE_READWRITE, SEC_COMMIT);
        LongOut shared = new LongOut();
        assertEquals(STATUS_SUCCESS, calls.map(section, shared, 0, PAGE_READWRITE));
        LongOut copy = new LongOut();
        assertEquals(STATUS_SUCCESS, calls.map(section, copy, 0, PAGE_WRITECOPY));
        for (long page = 0; page < 2048; page++) calls.write(shared.value + page * PAGE_SIZE, (byte) 1);
        for (long page = 0; page < 2048; page++) calls.write(copy.value + page * PAGE_SIZE, (byte) 2);
        assertEquals(0, mm.physicalMemory().freeFrames());
        assertEquals(STATUS_COMMITMENT_LIMIT, calls.allocate(new LongOut(), PAGE_SIZE, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE));
    }
}
