package ntsection.mm.commit;

import ntsection.Executive;
import ntsection.mm.MemoryBasicInformation;
import ntsection.nt.LongOut;
import ntsection.ps.Process;
import ntsection.testing.Systems;
import org.junit.jupiter.api.Test;

import static ntsection.mm.PageProtection.*;
import static ntsection.nt.NtStatus.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Views of SEC_NOCACHE sections (user-mode-wine.md §4.1, §4.4): PAGE_NOCACHE shows in
 * AllocationProtect, in Protect, and in NtProtectVirtualMemory's old protection.
 */
class NoCacheViewTest {
    private final Executive system = Systems.boot();
    private final Process alice = system.createProcess("alice", false);
    private final CommitCalls calls = new CommitCalls(system, alice);

    private long view(int attributes) {
        long section = calls.section(0x2000, PAGE_READWRITE, attributes);
        LongOut base = new LongOut();
        assertEquals(STATUS_SUCCESS, calls.map(section, base, 0, PAGE_READWRITE));
        return base.value;
    }

    @Test
    void aSecNoCacheViewReportsPageNoCacheInAllocationProtectAndProtect() {
        MemoryBasicInformation info = calls.query(view(SEC_COMMIT | SEC_NOCACHE));
        assertEquals(PAGE_READWRITE | PAGE_NOCACHE, info.allocationProtect());
        assertEquals(PAGE_READWRITE | PAGE_NOCACHE, info.protect());
        assertEquals(0x2000, info.regionSize());
    }

    @Test
    void protectOnASecNoCacheViewReportsPageNoCacheInTheOldProtectionAndKeepsIt() {
        long base = view(SEC_COMMIT | SEC_NOCACHE);
        LongOut old = new LongOut();
        assertEquals(STATUS_SUCCESS, calls.protect(base, PAGE_SIZE, PAGE_READONLY, old));
        assertEquals(PAGE_READWRITE | PAGE_NOCACHE, old.value);
        assertEquals(PAGE_READONLY | PAGE_NOCACHE, calls.query(base).protect());
        assertEquals(PAGE_READWRITE | PAGE_NOCACHE, calls.query(base).allocationProtect(), "never changes");
        assertEquals(STATUS_SUCCESS, calls.protect(base, PAGE_SIZE, PAGE_READWRITE, old));
        assertEquals(PAGE_READONLY | PAGE_NOCACHE, old.value);
    }

    @Test
    void recommittingASecNoCacheViewAsReadOnlyKeepsPageNoCache() {
        long base = view(SEC_COMMIT | SEC_NOCACHE);
        assertEquals(STATUS_SUCCESS, calls.allocate(new LongOut(base), PAGE_SIZE, MEM_COMMIT, PAGE_READONLY));
        assertEquals(PAGE_READONLY | PAGE_NOCACHE, calls.query(base).protect());
    }

    @Test
    void aCachedSectionsViewReportsNoPageNoCache() {
        MemoryBasicInformation info = calls.query(view(SEC_COMMIT));
        assertEquals(PAGE_READWRITE, info.allocationProtect());
        assertEquals(PAGE_READWRITE, info.protect());
    }
}
