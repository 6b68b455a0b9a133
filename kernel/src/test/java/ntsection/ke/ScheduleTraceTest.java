package ntsection.ke;

import ntsection.Executive;
import ntsection.nt.LongOut;
import ntsection.ob.ObjectAttributes;
import ntsection.ps.Thread;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A listener on the scheduler sees the run's decisions as the schedule records them, and a replay repeats them. */
class ScheduleTraceTest {

    /** One decision as the listener heard it, with threads named so that two systems' runs compare. */
    private record Decision(int step, String at, PointKind kind, long detail, String chosen, boolean onCarrierOfAt) {
    }

    private record Traced(RunResult result, List<Decision> decisions, List<Integer> chosenIndexes) {
    }

    /** Two threads each read, create an event, write and yield twice; the listener notes every decision. */
    private static Traced run(Strategy strategy, ScheduleTrace extra) {
        Scenarios.Shared shared = Scenarios.shared();
        Executive system = shared.system();
        Scheduler scheduler = system.useControlledScheduler(strategy);
        List<Thread> threads = new ArrayList<>();
        List<Decision> decisions = new ArrayList<>();
        List<Integer> chosenIndexes = new ArrayList<>();
        scheduler.trace((step, at, kind, detail, chosen) -> {
            // The carrier of a simulated thread is the Java thread named after it.
            boolean onCarrier = at != null && java.lang.Thread.currentThread().getName().equals(at.describe());
            decisions.add(new Decision(step, at == null ? null : at.describe(), kind, detail, chosen.describe(), onCarrier));
            chosenIndexes.add(threads.indexOf(chosen));
            extra.decided(step, at, kind, detail, chosen);
        });
        for (int t = 0; t < 2; t++) {
            threads.add(system.startThread(shared.process(), context -> {
                for (int i = 0; i < 2; i++) {
                    int value = context.readInt(shared.page());
                    context.nt().ntCreateEvent(new LongOut(), 0x1F0003, ObjectAttributes.unnamed(0), 0, false);
                    context.writeInt(shared.page(), value + 1);
                    context.yieldExecution();
                }
            }));
        }
        RunResult result = scheduler.run();
        system.mm().physicalMemory().close();
        return new Traced(result, decisions, chosenIndexes);
    }

    private static Traced run(Strategy strategy) {
        return run(strategy, (step, at, kind, detail, chosen) -> {
        });
    }

    @Test
    void theListenerHearsEachDecisionOfTheScheduleInOrder() {
        for (long seed = 0; seed < 5; seed++) {
            Traced traced = run(new RandomWalk(seed));
            int[] schedule = traced.result().schedule();
            assertEquals(RunResult.Outcome.COMPLETED, traced.result().outcome(), traced.result()::describe);
            assertEquals(schedule.length, traced.decisions().size());
            for (int i = 0; i < schedule.length; i++) {
                Decision decision = traced.decisions().get(i);
                assertEquals(i, decision.step());
                assertEquals(schedule[i], traced.chosenIndexes().get(i), "step " + i);
                if (i == 0) {
                    assertEquals(PointKind.RUN_START, decision.kind());
                    assertNull(decision.at());
                } else {
                    assertTrue(decision.onCarrierOfAt(), "step " + i + " was heard off the thread at the point");
                }
            }
        }
    }

    @Test
    void theListenerHearsTheServicesMemoryAccessesYieldsAndEnds() {
        List<PointKind> kinds = run(new RandomWalk(3)).decisions().stream().map(Decision::kind).toList();
        for (PointKind kind : List.of(PointKind.SERVICE_ENTRY, PointKind.SERVICE_EXIT, PointKind.USER_MEMORY,
                PointKind.YIELD, PointKind.THREAD_EXIT)) {
            assertTrue(kinds.contains(kind), kind + " missing from " + kinds);
        }
    }

    @Test
    void aReplayedScheduleIsHeardAsTheSameDecisions() {
        Traced recorded = run(new RandomWalk(11));
        Traced replayed = run(new Replay(recorded.result().schedule()));
        assertEquals(recorded.decisions(), replayed.decisions());
    }

    @Test
    void aListenerThatThrowsFailsTheRunInsteadOfHangingIt() {
        IllegalStateException broken = new IllegalStateException("listener broke");
        Traced traced = run(new RandomWalk(5), (step, at, kind, detail, chosen) -> {
            if (step == 3) throw broken;
        });
        assertEquals(RunResult.Outcome.FAILED, traced.result().outcome(), traced.result()::describe);
        assertSame(broken, traced.result().failure());
    }
}
