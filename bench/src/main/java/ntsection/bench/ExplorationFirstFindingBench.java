package ntsection.bench;

import ntsection.drivers.Catalogue;
import ntsection.drivers.twins.KeyStoreSv1KernelHandleTwin;
import ntsection.drivers.twins.KeyStoreSv2SystemThreadMapTwin;
import ntsection.drivers.twins.RingSv4RequestorContextTwin;
import ntsection.drivers.twins.RingSv5GuardedAccessTwin;
import ntsection.drivers.twins.Sv10PhysicalMemoryTwin;
import ntsection.drivers.twins.Sv6ValidateTwin;
import ntsection.drivers.twins.Sv7NoUserHandleTwin;
import ntsection.drivers.twins.Sv8ReferenceBeforeShareTwin;
import ntsection.drivers.twins.Sv9DereferenceTwin;
import ntsection.drivers.twins.TelemetrySv3DriverCreatesTwin;
import ntsection.verifier.VerificationReport;
import ntsection.verifier.explore.Explorer;
import ntsection.verifier.explore.Subject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Wall time of verifying a twin until its first finding, found and shrunk, as the
 * verifier's fail-fast mode does: one exploring thread, seed 1 (the CLI's default), a
 * budget of {@value #BUDGET} schedules. The time is mostly shrinking, so the setup
 * prints how many schedules the exploration itself took (prefix "first-finding"): at
 * seed 1, the figure timed, and over seeds 1 to {@value #SEEDS}, to show whether seed 1
 * is typical. A twin whose rule is not among the findings fails the benchmark.
 */
@State(Scope.Thread)
public class ExplorationFirstFindingBench {
    private static final long BUDGET = 1000;
    private static final int SEEDS = 32;

    @Param({KeyStoreSv1KernelHandleTwin.SERVICE_NAME, KeyStoreSv2SystemThreadMapTwin.SERVICE_NAME,
            TelemetrySv3DriverCreatesTwin.SERVICE_NAME, RingSv4RequestorContextTwin.SERVICE_NAME,
            RingSv5GuardedAccessTwin.SERVICE_NAME, Sv6ValidateTwin.SERVICE_NAME, Sv7NoUserHandleTwin.SERVICE_NAME,
            Sv8ReferenceBeforeShareTwin.SERVICE_NAME, Sv9DereferenceTwin.SERVICE_NAME,
            Sv10PhysicalMemoryTwin.SERVICE_NAME})
    public String twin;

    private Subject subject;
    private String rule;

    @Setup
    public void setup() {
        subject = Subject.shipped(twin);
        rule = Catalogue.find(twin).orElseThrow().rule().name();
        VerificationReport first = firstFinding(1);
        long[] spread = new long[SEEDS];
        for (int i = 0; i < SEEDS; i++) spread[i] = firstFinding(i + 1).schedules();
        Arrays.sort(spread);
        System.err.printf("first-finding %s: seed 1 %d schedules, %d findings shrunk;"
                        + " seeds 1-%d min %d median %d max %d schedules%n", twin, first.schedules(),
                first.findings().size(), SEEDS, spread[0], spread[SEEDS / 2], spread[SEEDS - 1]);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public VerificationReport firstFinding() {
        return firstFinding(1);
    }

    private VerificationReport firstFinding(long seed) {
        VerificationReport report = Explorer.verify(subject, Explorer.Options.defaults().withSeed(seed)
                .withThreads(1).withSchedules(BUDGET).stoppingAtFirstFinding()).report();
        if (report.findings().stream().noneMatch(finding -> finding.ruleId().equals(rule))) {
            throw new IllegalStateException(twin + " seed " + seed + ": no " + rule + " in " + report.schedules()
                    + " schedules; findings " + report.findings());
        }
        return report;
    }
}
