package ntsection.ke;

import java.util.SplittableRandom;

/** The seeded random walk: at every point, any runnable thread with equal chance. */
public final class RandomWalk implements Strategy {
    private final SplittableRandom random;

    public RandomWalk(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public int choose(long step, int[] runnable, int count, int current) {
        return count == 1 ? 0 : random.nextInt(count);
    }
}
