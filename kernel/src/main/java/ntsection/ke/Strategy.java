package ntsection.ke;

/**
 * Chooses the thread that runs next at a scheduling point of a controlled run. Threads
 * are named by their index in the run (the order they were started), which repeats
 * exactly from run to run, so a choice sequence is a replayable schedule.
 */
public interface Strategy {
    /**
     * @param step     the number of scheduling decisions made so far in this run
     * @param runnable indexes of the runnable threads, ascending; only the first {@code count} count
     * @param count    how many threads are runnable (at least one)
     * @param current  the index of the thread at the point if it is still runnable, else -1
     * @return a position in {@code runnable} (0 to count-1)
     */
    int choose(long step, int[] runnable, int count, int current);
}
