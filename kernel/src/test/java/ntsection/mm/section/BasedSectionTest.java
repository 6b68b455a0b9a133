package ntsection.mm.section;

import ntsection.Executive;
import ntsection.nt.LongOut;
import ntsection.ob.ObjectAttributes;
import ntsection.ps.Process;
import ntsection.testing.Systems;
import org.junit.jupiter.api.Test;

import static ntsection.mm.PageProtection.*;
import static ntsection.nt.NtStatus.STATUS_OBJECT_NAME_EXISTS;
import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static ntsection.ob.Attributes.OBJ_OPENIF;
import static org.junit.jupiter.api.Assertions.*;

/**
 * SEC_BASED: each based section has a system-wide user address that NtQuerySection
 * reports and no other based section shares; it is free again when the object goes.
 */
class BasedSectionTest {
    private final Executive system = Systems.boot();
    private final Process alice = system.createProcess("alice", false);
    private final UserSectionCalls calls = new UserSectionCalls(system, alice);

    @Test
    void aBasedSectionReportsItsBaseAndBasedInItsAttributes() {
        long handle = calls.created(null, 0x3000, PAGE_READWRITE, SEC_COMMIT | SEC_BASED);
        long base = calls.basic(handle).baseAddress();
        assertEquals(SEC_COMMIT | SEC_BASED, calls.basic(handle).attributes());
        assertNotEquals(0, base);
        assertEquals(0, base % MM_ALLOCATION_GRANULARITY);
        assertTrue(base + 0x3000 <= 0x00007FFFFFFF0000L, "inside the user range");
        assertEquals(base, calls.section(handle).baseAddress());
        assertEquals(STATUS_SUCCESS, calls.close(handle));
    }

    @Test
    void basedSectionsDoNotOverlapAndPlacementIsTopDown() {
        long first = calls.created(null, 0x20000, PAGE_READWRITE, SEC_RESERVE | SEC_BASED);
        long second = calls.created(null, 0x1000, PAGE_READWRITE, SEC_COMMIT | SEC_BASED);
        long firstBase = calls.basic(first).baseAddress();
        long secondBase = calls.basic(second).baseAddress();
        assertEquals(firstBase - MM_ALLOCATION_GRANULARITY, secondBase, "the next 64 KiB slot below");
        assertEquals(STATUS_SUCCESS, calls.close(first));
        assertEquals(STATUS_SUCCESS, calls.close(second));
    }

    @Test
    void aDeletedBasedSectionsRangeIsReused() {
        long first = calls.created(null, 0x1000, PAGE_READWRITE, SEC_COMMIT | SEC_BASED);
        long base = calls.basic(first).baseAddress();
        assertEquals(STATUS_SUCCESS, calls.close(first));
        LongOut again = new LongOut();
        assertEquals(STATUS_SUCCESS, calls.create(again, null, 0x1000L, PAGE_READWRITE, SEC_COMMIT | SEC_BASED));
        assertEquals(base, calls.basic(again.value).baseAddress());
        assertEquals(STATUS_SUCCESS, calls.close(again.value));
    }

    @Test
    void aBasedSectionDiscardedByOpenIfGivesItsRangeBack() {
        ObjectAttributes name = ObjectAttributes.named("\\BaseNamedObjects\\based", OBJ_OPENIF);
        long first = calls.created(name, 0x1000, PAGE_READWRITE, SEC_COMMIT | SEC_BASED);
        LongOut second = new LongOut();
        assertEquals(STATUS_OBJECT_NAME_EXISTS, calls.create(second, name, 0x1000L, PAGE_READWRITE, SEC_COMMIT | SEC_BASED));
        long next = calls.created(null, 0x1000, PAGE_READWRITE, SEC_COMMIT | SEC_BASED);
        assertEquals(calls.basic(first).baseAddress() - MM_ALLOCATION_GRANULARITY, calls.basic(next).baseAddress(),
                "the discarded section's slot was free again");
        assertEquals(STATUS_SUCCESS, calls.close(first));
        assertEquals(STATUS_SUCCESS, calls.close(second.value));
        assertEquals(STATUS_SUCCESS, calls.close(next));
    }

    @Test
    void aSectionThatIsNotBasedHasBaseZero() {
        long handle = calls.created(null, 0x1000, PAGE_READWRITE, SEC_COMMIT);
        assertEquals(0, calls.basic(handle).baseAddress());
        assertEquals(STATUS_SUCCESS, calls.close(handle));
    }
}
