package ntsection.ke;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The double fetch of {@link Scenarios#doubleFetch}: the attacker's 30 writes and its
 * flip must all fall between the victim's two reads. PCT with depth 2 needs one change
 * point on the right step of about 40, so it finds the race in roughly one run in 80
 * (12 of seeds 0-999, the first at seed 246); the random walk needs 31 coin flips in a
 * row (none of seeds 0-999). The seeds are fixed, so the outcome is too.
 */
class RaceFindingTest {
    private static final int ATTACKER_WORK = 30;
    private static final int BOUND = 1000;

    @Test
    void pctFindsTheRaceWithinBound() {
        int firstFound = -1;
        for (int seed = 0; seed < BOUND && firstFound < 0; seed++) {
            if (Scenarios.doubleFetch(new Pct(seed, 2, 40), ATTACKER_WORK)) firstFound = seed;
        }
        assertTrue(firstFound >= 0, "PCT missed the race in " + BOUND + " schedules");
    }

    @Test
    void randomWalkFindsItLessOften() {
        int pct = 0;
        int random = 0;
        for (int seed = 0; seed < BOUND; seed++) {
            if (Scenarios.doubleFetch(new Pct(seed, 2, 40), ATTACKER_WORK)) pct++;
            if (Scenarios.doubleFetch(new RandomWalk(seed), ATTACKER_WORK)) random++;
        }
        assertTrue(pct > random, "PCT " + pct + ", random walk " + random + " in " + BOUND + " schedules each");
        assertEquals(0, random);
    }

    @Test
    void exhaustiveSearchFindsItWithOnePreemptionNotWithNone() {
        assertEquals(-1, schedulesUntilRace(0));
        // The depth-first search tries the preemption right after the check second, of 35 schedules.
        assertEquals(2, schedulesUntilRace(1));
    }

    /** How many schedules the bounded search runs before the race shows, or -1 if it never does. */
    private static int schedulesUntilRace(int preemptionBound) {
        ExhaustiveSearch search = new ExhaustiveSearch(preemptionBound);
        int runs = 0;
        for (Strategy strategy = search.nextRun(); strategy != null; strategy = search.nextRun()) {
            runs++;
            if (Scenarios.doubleFetch(strategy, ATTACKER_WORK)) return runs;
        }
        return -1;
    }
}
