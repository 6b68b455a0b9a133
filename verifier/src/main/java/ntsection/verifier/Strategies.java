package ntsection.verifier;

import java.util.List;

/**
 * The names a finding and a report give the exploration strategy that ran: the seeded
 * random walk, PCT, bounded exhaustive search, or the replay of a recorded schedule
 * (ntsection.ke's RandomWalk, Pct, ExhaustiveSearch and Replay).
 */
public final class Strategies {
    public static final String RANDOM = "random";
    public static final String PCT = "pct";
    public static final String EXHAUSTIVE = "exhaustive";
    public static final String REPLAY = "replay";

    /** Every name, in the order above. */
    public static final List<String> ALL = List.of(RANDOM, PCT, EXHAUSTIVE, REPLAY);

    private Strategies() {
    }

    /** {@code name} if it is one of {@link #ALL}, else IllegalArgumentException. */
    public static String requireKnown(String name) {
        if (!ALL.contains(name)) throw new IllegalArgumentException("unknown strategy " + name + "; one of " + ALL);
        return name;
    }
}
