package ntsection.ke;

/**
 * Replays a recorded schedule (RunResult.schedule()): at step i the thread the
 * recording chose. A scenario that no longer matches its recording is reported, not
 * silently run another way.
 */
public final class Replay implements Strategy {
    private final int[] schedule;

    public Replay(int[] schedule) {
        this.schedule = schedule.clone();
    }

    @Override
    public int choose(long step, int[] runnable, int count, int current) {
        if (step >= schedule.length) {
            throw new IllegalStateException("the run went past its recorded schedule at step " + step);
        }
        int wanted = schedule[(int) step];
        for (int i = 0; i < count; i++) if (runnable[i] == wanted) return i;
        throw new IllegalStateException("step " + step + ": recorded thread " + wanted + " is not runnable");
    }
}
