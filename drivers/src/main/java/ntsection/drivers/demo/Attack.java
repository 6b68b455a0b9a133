package ntsection.drivers.demo;

import ntsection.drivers.Family;

/**
 * A malicious user-mode program, aimed at the drivers of one or more interfaces. Staging
 * it starts the attacker's threads; the oracles, not the attack, decide what it achieved.
 */
public interface Attack {
    /** The column's name, e.g. "handle-scan". */
    String name();

    /** What the attacker does, in a sentence. */
    String summary();

    /** Whether the attack has anything to aim at in this interface. */
    boolean aims(Family family);

    void stage(Stage stage);
}
