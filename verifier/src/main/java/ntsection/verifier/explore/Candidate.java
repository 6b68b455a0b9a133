package ntsection.verifier.explore;

import ntsection.drivers.demo.Verdict;
import ntsection.verifier.Finding;
import ntsection.vf.Violation;

/**
 * A finding as exploration holds it until it is reported: its key (see {@link Shows}),
 * the program, strategy and seed of the run that showed it, and that run's outcome.
 * A rule broken in a run that also did harm carries the harm: the run shows what the
 * broken rule costs.
 */
record Candidate(String key, Program program, String strategy, long seed, Run.Outcome outcome) {

    boolean isOracle() {
        return key.startsWith("ORACLE-");
    }

    /** Whether {@code other} shows this finding: the key, and for a rule, at least as bad a harm. */
    boolean shownBy(Run.Outcome other) {
        if (isOracle()) return Shows.harm(other, key) != null;
        return Shows.violation(other, key) != null && Verdict.of(other.harms()) == Verdict.of(outcome.harms());
    }

    Finding finding() {
        int[] schedule = outcome.run().schedule();
        if (isOracle()) return Finding.of(Shows.harm(outcome, key), null, seed, strategy, schedule, outcome.calls());
        Violation violation = Shows.violation(outcome, key);
        Finding finding = Finding.of(violation, seed, strategy, schedule, outcome.calls());
        return outcome.harms().isEmpty() ? finding : finding.withHarm(Verdict.of(outcome.harms()).label());
    }

    /** The step the finding happened at, the decisions a replay must repeat: the whole run for a harm. */
    int decisiveSteps() {
        if (isOracle()) return outcome.run().steps();
        long step = Shows.violation(outcome, key).step();
        return step < 0 ? outcome.run().steps() : (int) Math.min(step, outcome.run().steps());
    }
}
