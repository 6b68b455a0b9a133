package ntsection.drivers.demo;

/**
 * A malicious user-mode program, aimed at the drivers of one or more interfaces. Staging
 * it starts the attacker's threads; the oracles, not the attack, decide what it achieved.
 */
public interface Attack {
    /** The column's name, e.g. "handle-scan". */
    String name();

    /** What the attacker does, in a sentence. */
    String summary();

    /** Whether the attack has anything to aim at in this target. */
    boolean aims(Target target);

    void stage(Stage stage);
}
