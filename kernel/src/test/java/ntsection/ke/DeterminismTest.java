package ntsection.ke;

import ntsection.Executive;
import ntsection.ExecutiveConfig;
import ntsection.ex.Event;
import ntsection.nt.LongOut;
import ntsection.ob.ObjectAttributes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a run computes, not only its trace, is a function of the scenario and the schedule. */
class DeterminismTest {

    /** Handle values each thread received, the addresses it allocated and the counter it left, in order. */
    private static List<Long> observe(Strategy strategy) {
        Scenarios.Shared shared = Scenarios.shared();
        Executive system = shared.system();
        Scheduler scheduler = system.useControlledScheduler(strategy);
        List<Long> seen = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            system.startThread(shared.process(), c -> {
                for (int i = 0; i < 4; i++) {
                    LongOut handle = new LongOut();
                    c.nt().ntCreateEvent(handle, Event.EVENT_ALL_ACCESS, ObjectAttributes.unnamed(0), 0, false);
                    int value = c.readInt(shared.page());
                    c.writeInt(shared.page(), value + 1);
                    synchronized (seen) {
                        seen.add(c.thread().id() * 1_000_000L + handle.value);
                        seen.add((long) value);
                    }
                    if (i == 1) c.nt().ntClose(handle.value);
                }
            });
        }
        RunResult result = scheduler.run();
        assertEquals(RunResult.Outcome.COMPLETED, result.outcome(), result::describe);
        system.mm().physicalMemory().close();
        seen.add(result.traceHash());
        return seen;
    }

    @Test
    void handleValuesAndDataRepeatForOneSeed() {
        for (long seed = 0; seed < 10; seed++) assertEquals(observe(new RandomWalk(seed)), observe(new RandomWalk(seed)));
    }

    @Test
    void seedsChangeWhatIsObserved() {
        Set<List<Long>> outcomes = new HashSet<>();
        for (long seed = 0; seed < 10; seed++) outcomes.add(observe(new RandomWalk(seed)));
        assertTrue(outcomes.size() >= 9, outcomes.size() + " distinct outcomes of 10");
    }

    @Test
    void exhaustiveSearchRunsEveryScheduleOnce() {
        Set<Long> traces = new HashSet<>();
        int runs = 0;
        ExhaustiveSearch search = new ExhaustiveSearch(2);
        for (Strategy strategy = search.nextRun(); strategy != null; strategy = search.nextRun()) {
            runs++;
            assertTrue(traces.add(Scenarios.lostUpdates(strategy, 2).traceHash()), "schedule " + runs + " ran twice");
        }
        assertTrue(runs > 10, runs + " schedules");
    }

    @Test
    void aThreadStartedDuringTheRunIsScheduledToo() {
        Executive system = Executive.boot(ExecutiveConfig.defaults().withPhysicalPages(64));
        var process = system.createProcess("parent.exe", false);
        Scheduler scheduler = system.useControlledScheduler(new RandomWalk(9));
        List<String> log = new ArrayList<>();
        system.startThread(process, parent -> {
            system.startThread(process, child -> log.add("child"));
            parent.yieldExecution();
            log.add("parent");
        });
        RunResult result = scheduler.run();
        system.mm().physicalMemory().close();
        assertEquals(RunResult.Outcome.COMPLETED, result.outcome(), result::describe);
        assertEquals(2, log.size());
    }
}
