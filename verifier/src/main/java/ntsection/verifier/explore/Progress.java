package ntsection.verifier.explore;

/**
 * What an exploration tells its caller while it runs; a terminal shows it as one line
 * that redraws. Called from the exploring threads, at most every few milliseconds.
 */
public interface Progress {
    Progress NONE = (schedules, budget, findings, seconds) -> {
    };

    /**
     * @param budget the schedules the exploration may run, or -1 when only time bounds it
     */
    void explored(long schedules, long budget, int findings, double seconds);

    /** Shrinking has begun: {@code findings} findings to shrink. */
    default void shrinking(int findings) {
    }

    /** The exploration is over; a terminal line is cleared. */
    default void done() {
    }
}
