package ntsection.ke;

import java.util.List;

/**
 * How a scheduled run ended. The trace hash covers every scheduling decision (step,
 * thread, point kind, detail, choice), so two runs with the same hash took the same
 * path; the schedule replays it through {@link Replay}. {@code threads} is the
 * deadlock report: every thread of the run and what it waits on (empty otherwise).
 */
public record RunResult(Outcome outcome, long traceHash, int[] schedule, List<String> threads, BugCheck bugCheck,
                        Throwable failure) {

    public enum Outcome {
        /** Every thread ran to its end. */
        COMPLETED,
        /** No thread could run and none had a timeout: {@link #threads()} says what each waited on. */
        DEADLOCK,
        /** The system stopped; every thread was unwound. */
        BUG_CHECK,
        /** A thread threw something the model does not expect (a bug in the model or the scenario). */
        FAILED
    }

    public int steps() {
        return schedule.length;
    }

    public String describe() {
        StringBuilder text = new StringBuilder(outcome.name()).append(" after ").append(steps()).append(" steps");
        if (bugCheck != null) text.append(": ").append(bugCheck.describe());
        if (failure != null) text.append(": ").append(failure);
        for (String thread : threads) text.append("\n  ").append(thread);
        return text.toString();
    }
}
