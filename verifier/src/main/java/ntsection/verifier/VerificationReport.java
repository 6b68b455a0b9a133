package ntsection.verifier;

import java.util.List;
import java.util.Objects;

/**
 * What one verification of one driver found: the driver, how many schedules were
 * explored in how long, with which strategy and seed, and every finding.
 *
 * @param seed the seed of the exploration (for "exhaustive" and "replay", whatever the caller passed, 0 if none)
 */
public record VerificationReport(String driver, long schedules, double elapsedSeconds, String strategy, long seed,
                                 List<Finding> findings) {

    public VerificationReport {
        Objects.requireNonNull(driver, "driver");
        if (schedules < 0) throw new IllegalArgumentException("negative schedule count " + schedules);
        if (!(elapsedSeconds >= 0) || Double.isInfinite(elapsedSeconds)) {
            throw new IllegalArgumentException("elapsed seconds must be finite and not negative: " + elapsedSeconds);
        }
        Strategies.requireKnown(strategy);
        findings = List.copyOf(findings);
    }

    /** No rule broken and no harm seen. */
    public boolean clean() {
        return findings.isEmpty();
    }
}
