package ntsection.bench;

import ntsection.drivers.broker.PhysicalMemoryBroker;
import ntsection.drivers.keystore.KernelOnlyDriver;
import ntsection.drivers.ring.SharedViewDriver;
import ntsection.drivers.telemetry.SharedSectionDriver;
import ntsection.verifier.VerificationReport;
import ntsection.verifier.explore.Explorer;
import ntsection.verifier.explore.Subject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Schedules a second of a whole verification of a reference driver: one op is one
 * schedule, so the score reads as schedules/s. Each invocation is one
 * {@code Explorer.verify} of {@value #SCHEDULES} schedules, so the target discovery
 * and the thread pools each verification sets up are in the figure, spread over its
 * schedules. Reference drivers, because a finding would add shrinking runs that are not
 * exploration. Every invocation explores the same seeds, 1 to 100, which are clean for
 * all four (shared-view shows an SV2 finding at seed 3132). A rare leak finding still
 * turns up, nondeterministically, so findings are counted, not fatal: the teardown
 * prints how many verifications had any (prefix "exploration-findings"), as their
 * shrinking runs are in the score. The score takes some 10 s to settle, longer than
 * the runner's default warm-up: run it with {@code -wi 5 -w 2s}.
 */
@State(Scope.Thread)
public class ExplorationThroughputBench {
    private static final int SCHEDULES = 100;

    @Param({KernelOnlyDriver.SERVICE_NAME, SharedViewDriver.SERVICE_NAME, SharedSectionDriver.SERVICE_NAME,
            PhysicalMemoryBroker.SERVICE_NAME})
    public String driver;

    /** "all": one exploring thread per core, the verifier's default. */
    @Param({"1", "all"})
    public String threads;

    @Param({"random", "pct"})
    public String strategy;

    private Subject subject;
    private Explorer.Options options;
    private long verifications;
    private long withFindings;
    private final Set<String> findings = new TreeSet<>();

    @Setup
    public void setup() {
        subject = Subject.shipped(driver);
        int count = threads.equals("all") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(threads);
        options = Explorer.Options.defaults().withSeed(1).withSchedules(SCHEDULES).withThreads(count)
                .withStrategy(strategy);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(SCHEDULES)
    public VerificationReport schedules() {
        VerificationReport report = Explorer.verify(subject, options).report();
        if (report.schedules() != SCHEDULES) {
            throw new IllegalStateException(driver + ": " + report.schedules() + " schedules, not " + SCHEDULES);
        }
        verifications++;
        if (!report.clean()) {
            withFindings++;
            report.findings().forEach(finding -> findings.add(finding.ruleId() + ": " + finding.message()));
        }
        return report;
    }

    @TearDown
    public void tearDown() {
        System.err.printf("exploration-findings %s %s %s threads: %d of %d verifications had findings %s%n", driver,
                strategy, threads, withFindings, verifications, findings);
    }
}
