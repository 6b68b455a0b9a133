package ntsection.mm.commit;

import ntsection.Executive;
import ntsection.mm.AddressLimits;
import ntsection.mm.Section;
import ntsection.nt.LongOut;
import ntsection.ob.ObjectAttributes;
import ntsection.ps.Process;
import ntsection.testing.Systems;
import org.junit.jupiter.api.Test;

import static ntsection.mm.PageProtection.*;
import static ntsection.nt.NtStatus.*;
import static org.junit.jupiter.api.Assertions.*;

/** SEC_BASED sections (kernel-mode-reactos.md §3.1 step 14): a NULL base maps at the based address. */
class BasedSectionMapTest {
    private final Executive system = Systems.boot();
    private final Process alice = system.createProcess("alice", false);
    private final Process bob = system.createProcess("bob", false);
    private final CommitCalls aliceCalls = new CommitCalls(system, alice);

    private long basedAddress(long handle) {
        return ((Section) alice.handleTable().lookup(handle).object()).baseAddress();
    }

    @Test
    void theBasedRangeLiesInsideTheMappableUserRange() {
        long section = aliceCalls.section(0x30000, PAGE_READWRITE, SEC_COMMIT | SEC_BASED);
        long based = basedAddress(section);
        assertTrue(based >= AddressLimits.MM_LOWEST_USER_ADDRESS);
        assertTrue(based + 0x30000 - 1 <= AddressLimits.MM_HIGHEST_VAD_ADDRESS, "below MM_HIGHEST_VAD_ADDRESS");
    }

    @Test
    void aNullBaseMapOfABasedSectionLandsAtItsBasedAddress() {
        long section = aliceCalls.section(0x30000, PAGE_READWRITE, SEC_COMMIT | SEC_BASED);
        LongOut base = new LongOut();
        assertEquals(STATUS_SUCCESS, aliceCalls.map(section, base, 0, PAGE_READWRITE));
        assertEquals(basedAddress(section), base.value);
    }

    @Test
    void everyProcessMapsABasedSectionAtTheSameAddress() {
        ObjectAttributes name = ObjectAttributes.named("\\BaseNamedObjects\\Based", 0);
        LongOut section = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice, () -> system.nt().ntCreateSection(section, SECTION_ALL_ACCESS,
                name, 0x10000L, PAGE_READWRITE, SEC_COMMIT | SEC_BASED, 0)));
        LongOut inAlice = new LongOut();
        assertEquals(STATUS_SUCCESS, aliceCalls.map(section.value, inAlice, 0, PAGE_READWRITE));
        LongOut opened = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inUserMode(bob, () -> system.nt().ntOpenSection(opened, SECTION_MAP_WRITE, name)));
        LongOut inBob = new LongOut();
        assertEquals(STATUS_SUCCESS, new CommitCalls(system, bob).map(opened.value, inBob, 0, PAGE_READWRITE));
        assertEquals(inAlice.value, inBob.value);
    }

    @Test
    void aSecondNullBaseMapInOneProcessIsConflictingAddresses() {
        long section = aliceCalls.section(0x10000, PAGE_READWRITE, SEC_COMMIT | SEC_BASED);
        assertEquals(STATUS_SUCCESS, aliceCalls.map(section, new LongOut(), 0, PAGE_READWRITE));
        LongOut again = new LongOut();
        assertEquals(STATUS_CONFLICTING_ADDRESSES, aliceCalls.map(section, again, 0, PAGE_READWRITE));
        assertEquals(0, again.value);
    }
}
