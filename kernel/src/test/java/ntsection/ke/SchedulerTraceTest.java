package ntsection.ke;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchedulerTraceTest {

    @Test
    void sameSeedSameTrace() {
        RunResult first = Scenarios.lostUpdates(new RandomWalk(42), 10);
        RunResult second = Scenarios.lostUpdates(new RandomWalk(42), 10);
        assertEquals(RunResult.Outcome.COMPLETED, first.outcome(), first::describe);
        assertEquals(first.traceHash(), second.traceHash());
        assertArrayEquals(first.schedule(), second.schedule());
    }

    @Test
    void differentSeedsDifferentInterleavings() {
        Set<Long> traces = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) traces.add(Scenarios.lostUpdates(new RandomWalk(seed), 10).traceHash());
        assertTrue(traces.size() >= 18, "only " + traces.size() + " distinct traces in 20 seeds");
    }

    @Test
    void recordedScheduleReplays() {
        RunResult recorded = Scenarios.lostUpdates(new RandomWalk(7), 10);
        RunResult replayed = Scenarios.lostUpdates(new Replay(recorded.schedule()), 10);
        assertEquals(recorded.traceHash(), replayed.traceHash());
        assertArrayEquals(recorded.schedule(), replayed.schedule());
    }

    @Test
    void pctRunsAreDeterministicToo() {
        RunResult first = Scenarios.lostUpdates(new Pct(3, 3, 100), 10);
        RunResult second = Scenarios.lostUpdates(new Pct(3, 3, 100), 10);
        assertEquals(first.traceHash(), second.traceHash());
    }

    @Test
    void everyPointIsAStep() {
        // Per round: a read, a service entry and exit, a write; plus the first pick and the
        // first thread's end (the last one's end leaves nobody to choose).
        RunResult result = Scenarios.lostUpdates(new RandomWalk(1), 10);
        assertEquals(2 * 10 * 4 + 1 + 1, result.steps());
    }

    @Test
    void aDivergingReplayFailsTheRunInsteadOfHanging() {
        RunResult shorter = Scenarios.lostUpdates(new RandomWalk(7), 2);
        RunResult replayed = Scenarios.lostUpdates(new Replay(shorter.schedule()), 10);
        assertEquals(RunResult.Outcome.FAILED, replayed.outcome());
        assertTrue(replayed.failure().getMessage().contains("past its recorded schedule"), replayed::describe);
    }
}
