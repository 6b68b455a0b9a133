package ntsection.ke;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010): every thread gets
 * a random priority of at least d; the highest-priority runnable thread always runs;
 * at d-1 steps drawn at random from the first k (the estimated length of a run) the
 * running thread drops to priority d-1, d-2, ... A bug of depth d is then found with
 * probability at least 1/(n k^(d-1)) per run, n the number of threads.
 */
public final class Pct implements Strategy {
    private final SplittableRandom random;
    private final int depth;
    private final long[] changePoints;
    private long[] priority = new long[8];
    private int known;

    public Pct(long seed, int depth, long estimatedSteps) {
        if (depth < 1) throw new IllegalArgumentException("depth must be at least 1");
        this.random = new SplittableRandom(seed);
        this.depth = depth;
        this.changePoints = new long[depth - 1];
        for (int i = 0; i < changePoints.length; i++) changePoints[i] = random.nextLong(Math.max(1, estimatedSteps));
    }

    @Override
    public int choose(long step, int[] runnable, int count, int current) {
        for (int i = 0; i < count; i++) learn(runnable[i]);
        if (current >= 0) {
            for (int i = 0; i < changePoints.length; i++) {
                // Change point i lowers the running thread below every initial priority.
                if (changePoints[i] == step) priority[current] = depth - 1 - i;
            }
        }
        int best = 0;
        for (int i = 1; i < count; i++) if (priority[runnable[i]] > priority[runnable[best]]) best = i;
        return best;
    }

    /** Threads appear as they start; each gets its random initial priority once, in index order. */
    private void learn(int thread) {
        while (known <= thread) {
            if (known == priority.length) priority = Arrays.copyOf(priority, known * 2);
            // Distinct with overwhelming probability; ties go to the lower index.
            priority[known++] = depth + random.nextLong(Long.MAX_VALUE - depth);
        }
    }
}
