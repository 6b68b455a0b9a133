package ntsection.verifier.explore;

import ntsection.drivers.demo.Target;
import ntsection.ke.Replay;
import ntsection.ke.Strategy;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes a finding as small as it will go while it still shows, then checks that what is
 * left replays. First the program: each request of a generated program is dropped in
 * turn, from the last, and stays dropped if the finding still shows when the rest is
 * run after the recorded schedule (see {@link Prefix}). Then the schedule: the shortest
 * prefix of recorded decisions that, followed by no preemption at all, still shows it
 * (a binary search below the step the finding happened at). The result's schedule is
 * the whole recorded schedule of the run that confirmed it, which {@link Replay}
 * replays bit for bit; if the shrunk finding did not replay, the original is kept.
 */
final class Shrinker {
    /** Runs one finding may spend on shrinking: every one is a fresh system. */
    static final int BUDGET = 64;

    private final Subject subject;
    private final Target target;
    private int runs;
    private int decisive;

    Shrinker(Subject subject, Target target) {
        this.subject = subject;
        this.target = target;
    }

    /**
     * The shrunk finding: its program and the run that shows it.
     *
     * @param decisive how many of its recorded decisions matter: after them, no thread is preempted
     */
    record Shrunk(Candidate candidate, int originalRequests, int originalDecisions, int decisive) {
    }

    Shrunk shrink(Candidate found) {
        runs = 0;
        int requests = found.outcome().calls().size() - 1;
        int decisions = found.outcome().run().steps();
        Candidate best = shrinkProgram(found);
        best = shrinkSchedule(best);
        Run.Outcome replayed = Run.run(subject, target, best.program(), new Replay(best.outcome().run().schedule()));
        if (!best.shownBy(replayed)) {
            best = found;
            decisive = found.decisiveSteps();
        }
        return new Shrunk(best, found.program().isGenerated() ? requests : 0, decisions, decisive);
    }

    private Candidate shrinkProgram(Candidate found) {
        if (!found.program().isGenerated()) return found;
        Candidate best = found;
        List<Integer> kept = new ArrayList<>(keptOf(found));
        for (int i = kept.size() - 1; i >= 0 && kept.size() > 1 && runs < BUDGET; i--) {
            List<Integer> fewer = new ArrayList<>(kept);
            fewer.remove(i);
            Program program = found.program().keeping(fewer);
            Candidate tried = attempt(best, program, new Prefix(best.outcome().run().schedule(), Integer.MAX_VALUE));
            if (tried != null) {
                best = tried;
                kept = fewer;
            }
        }
        return best;
    }

    private List<Integer> keptOf(Candidate found) {
        if (found.program().kept() != null) return found.program().kept();
        return ((GeneratedCalls) found.program().instantiate(target)).kept();
    }

    private Candidate shrinkSchedule(Candidate found) {
        int[] schedule = found.outcome().run().schedule();
        int high = found.decisiveSteps();
        decisive = high;
        Candidate best = attempt(found, found.program(), new Prefix(schedule, high));
        if (best == null) return found;
        int low = 0;
        while (low < high && runs < BUDGET) {
            int middle = (low + high) >>> 1;
            Candidate tried = attempt(found, found.program(), new Prefix(schedule, middle));
            if (tried != null) {
                best = tried;
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        decisive = high;
        return best;
    }

    /** Runs {@code program} under {@code strategy}; the candidate it makes if it still shows {@code found}, else null. */
    private Candidate attempt(Candidate found, Program program, Strategy strategy) {
        runs++;
        Run.Outcome outcome = Run.run(subject, target, program, strategy);
        if (!found.shownBy(outcome)) return null;
        return new Candidate(found.key(), program, found.strategy(), found.seed(), outcome);
    }
}
