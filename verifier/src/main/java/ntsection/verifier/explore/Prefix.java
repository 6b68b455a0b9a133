package ntsection.verifier.explore;

import ntsection.ke.Strategy;

/**
 * A recorded schedule's first decisions, then no preemption: the running thread goes on
 * while it can, else the lowest-numbered runnable one. Where the prefix names a thread
 * that cannot run (the program changed under it, in shrinking), the same default
 * decides. Shrinking asks how short a prefix still shows a finding: whatever follows it
 * is the plainest interleaving there is.
 */
final class Prefix implements Strategy {
    private final int[] prefix;

    Prefix(int[] schedule, int length) {
        this.prefix = java.util.Arrays.copyOf(schedule, Math.min(length, schedule.length));
    }

    @Override
    public int choose(long step, int[] runnable, int count, int current) {
        if (step < prefix.length) {
            for (int i = 0; i < count; i++) if (runnable[i] == prefix[(int) step]) return i;
        }
        if (current >= 0) {
            for (int i = 0; i < count; i++) if (runnable[i] == current) return i;
        }
        return 0;
    }
}
