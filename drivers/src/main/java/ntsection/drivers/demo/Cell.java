package ntsection.drivers.demo;

import ntsection.drivers.Catalogue;
import ntsection.vf.Harm;

import java.util.List;

/**
 * One attack on one driver: what it achieved within its schedule budget. For a harm, the
 * first schedule that showed it (its seed and strategy replay it); for a block, how many
 * schedules tried.
 *
 * @param seed the seed of the schedule that showed the harm, or 0 when blocked
 */
public record Cell(Catalogue.Entry driver, Attack attack, Verdict verdict, List<Harm> harms, long seed,
                   String strategy, int schedules) {

    public static final int DEFAULT_BUDGET = 16;

    /** Tries seeds 1, 2, ... up to {@code budget} and stops at the first run that did harm. */
    public static Cell run(Catalogue.Entry driver, Attack attack, int budget) {
        for (long seed = 1; seed <= budget; seed++) {
            Trial.Result result = Trial.run(driver, attack, seed);
            if (!result.harms().isEmpty()) {
                return new Cell(driver, attack, Verdict.of(result.harms()), result.harms(), seed, Trial.strategyName(seed),
                        (int) seed);
            }
        }
        return new Cell(driver, attack, Verdict.BLOCKED, List.of(), 0, "", budget);
    }
}
