package ntsection.ob;

import ntsection.nt.LongOut;
import ntsection.nt.Out;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static ntsection.nt.NtStatus.*;
import static org.junit.jupiter.api.Assertions.*;

/** Handle value encoding of an x64 handle table (EXHANDLE, ExpAllocateHandleTableEntry). */
class HandleValueTest extends ObTestBase {

    @Test
    void firstHandleOfANewTableIsFourAndValuesAreMultiplesOfFour() {
        assertEquals(4, userEvent(alice, null, 0));
        assertEquals(8, userEvent(alice, null, 0));
        assertEquals(12, userEvent(alice, null, 0));
        assertEquals(4, userEvent(bob, null, 0), "each process has its own table");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void lowTwoTagBitsAreIgnoredOnLookup(int tag) {
        long handle = userEvent(alice, null, 0);
        assertCounts(alice, handle | tag, 2, 1);
        assertEquals(STATUS_SUCCESS, userClose(alice, handle | tag));
        assertEquals(STATUS_INVALID_HANDLE, userClose(alice, handle));
        assertEquals(0, alice.handleTable().count());
    }

    @Test
    void handleOrThreeNamesTheSameEntryAsTheHandle() {
        long handle = userEvent(alice, null, 0);
        assertEquals(entryOf(alice, handle), entryOf(alice, handle | 3));
        assertCounts(alice, handle | 3, 2, 1);
    }

    @Test
    void ntCloseOf123ClosesHandle120() {
        long last = 0;
        while (last < 120) last = userEvent(alice, null, 0);
        assertEquals(120, last);
        assertEquals(STATUS_SUCCESS, userClose(alice, 123));
        assertNull(alice.handleTable().lookup(120));
        assertEquals(STATUS_INVALID_HANDLE, userClose(alice, 120));
    }

    @Test
    void lowestFreeSlotIsReusedFirst() {
        long a = userEvent(alice, null, 0);
        long b = userEvent(alice, null, 0);
        long c = userEvent(alice, null, 0);
        assertEquals(STATUS_SUCCESS, userClose(alice, c));
        assertEquals(STATUS_SUCCESS, userClose(alice, a));
        assertEquals(a, userEvent(alice, null, 0), "the lowest free slot, not the last freed");
        assertEquals(c, userEvent(alice, null, 0));
        assertEquals(List.of(a, b, c), alice.handleTable().handles());
    }

    @Test
    void handleZeroIsNeverValid() {
        userEvent(alice, null, 0);
        assertEquals(STATUS_INVALID_HANDLE, userClose(alice, 0));
        assertEquals(STATUS_INVALID_HANDLE, system.inUserMode(alice, () -> system.nt().ntQueryObject(0, new Out<>())));
        assertEquals(STATUS_INVALID_HANDLE, userClose(alice, 3), "0|3 is still slot 0");
    }

    @Test
    void firstEntryOfEveryPageIsNeverHandedOut() {
        List<Long> handed = new ArrayList<>();
        for (int i = 0; i < 520; i++) handed.add(userEvent(alice, null, 0));
        assertFalse(handed.contains(0x400L), "0x400 begins the second page");
        assertFalse(handed.contains(0x800L), "0x800 begins the third page");
        assertEquals(0x3FC, handed.get(254));
        assertEquals(0x404, handed.get(255));
        for (long h : handed) assertEquals(0, h & 3);
        assertEquals(STATUS_INVALID_HANDLE, userClose(alice, 0x400));
        assertEquals(STATUS_INVALID_HANDLE, userClose(alice, 0x800));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42})
    void seededChurnAlwaysHandsOutTheLowestFreeMultipleOfFour(long seed) {
        Random random = new Random(seed);
        TreeSet<Long> live = new TreeSet<>();
        for (int step = 0; step < 400; step++) {
            if (live.isEmpty() || random.nextInt(3) > 0) {
                long expected = 4;
                while (live.contains(expected) || (expected & 0x3FF) == 0) expected += 4;
                LongOut handle = new LongOut();
                assertEquals(STATUS_SUCCESS, createUserEvent(alice, null, 0, EVENT_ALL, handle));
                assertEquals(expected, handle.value);
                live.add(handle.value);
            } else {
                long victim = new ArrayList<>(live).get(random.nextInt(live.size()));
                assertEquals(STATUS_SUCCESS, userClose(alice, victim | random.nextInt(4)));
                live.remove(victim);
            }
            assertEquals(live.size(), alice.handleTable().count());
        }
    }

    @Test
    void lowestFreeSlotAcrossManyPagesAndFreeListWords() {
        Random random = new Random(7);
        TreeSet<Long> live = new TreeSet<>(alice.handleTable().handles());
        for (int i = 0; i < 6000; i++) live.add(userEvent(alice, null, 0));
        List<Long> victims = new ArrayList<>(live);
        Collections.shuffle(victims, random);
        for (long victim : victims.subList(0, 2500)) {
            assertEquals(STATUS_SUCCESS, userClose(alice, victim));
            live.remove(victim);
        }
        for (int i = 0; i < 2600; i++) {
            long expected = 4;
            while (live.contains(expected) || (expected & 0x3FF) == 0) expected += 4;
            long handle = userEvent(alice, null, 0);
            assertEquals(expected, handle);
            live.add(handle);
        }
        assertEquals(List.copyOf(live), alice.handleTable().handles());
    }
}
