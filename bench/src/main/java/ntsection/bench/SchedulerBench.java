package ntsection.bench;

import ntsection.Executive;
import ntsection.ExecutiveConfig;
import ntsection.ke.PointKind;
import ntsection.ke.RandomWalk;
import ntsection.ke.Pct;
import ntsection.ke.RunResult;
import ntsection.ke.Scheduler;
import ntsection.ke.SchedulingPoint;
import ntsection.ke.Strategy;
import ntsection.nt.LongOut;
import ntsection.ps.Process;
import ntsection.ps.Thread;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

import static ntsection.mm.PageProtection.MEM_COMMIT;
import static ntsection.mm.PageProtection.MEM_RESERVE;
import static ntsection.mm.PageProtection.PAGE_READWRITE;
import static ntsection.ob.Handles.NtCurrentProcess;

/**
 * The scheduler's costs. {@code pointPassThrough}: a scheduling point on a thread no
 * controlled scheduler drives (every call outside exploration pays this).
 * {@code pointNoSwitch} and {@code pointSwitch}: a point under a controlled scheduler
 * when the strategy keeps the running thread, and when it hands the baton to the other
 * of two threads (two virtual-thread hand-offs per switch pair). {@code schedule*}:
 * whole schedules of a two-thread scenario of 102 steps (each thread 25 rounds of a
 * read and a write of shared user memory), booting a fresh 64-frame system for each,
 * as an exploration does.
 */
@State(Scope.Thread)
public class SchedulerBench {
    private static final int POINTS = 10_000;
    private static final int ROUNDS = 25;

    private Executive system;
    private Process process;
    private Thread idle;

    @Setup(Level.Trial)
    public void setup() {
        system = Executive.boot(ExecutiveConfig.defaults().withPhysicalPages(64));
        process = system.createProcess("bench.exe", false);
        idle = process.mainThread();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @OperationsPerInvocation(POINTS)
    public void pointPassThrough() {
        for (int i = 0; i < POINTS; i++) SchedulingPoint.at(idle, PointKind.YIELD, i);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @OperationsPerInvocation(POINTS)
    public RunResult pointNoSwitch() {
        return yielders(1, (step, runnable, count, current) -> 0);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @OperationsPerInvocation(POINTS)
    public RunResult pointSwitch() {
        // Always the other thread: every point is a hand-off.
        return yielders(2, (step, runnable, count, current) -> count == 1 ? 0 : (runnable[0] == current ? 1 : 0));
    }

    private RunResult yielders(int threads, Strategy strategy) {
        Scheduler scheduler = system.useControlledScheduler(strategy);
        for (int t = 0; t < threads; t++) {
            system.startThread(process, context -> {
                for (int i = 0; i < POINTS / threads; i++) context.yieldExecution();
            });
        }
        return check(scheduler.run());
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public RunResult scheduleRandomWalk(Seeds seeds) {
        return twoThreadScenario(new RandomWalk(seeds.next++));
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public RunResult schedulePct(Seeds seeds) {
        return twoThreadScenario(new Pct(seeds.next++, 2, 102));
    }

    @State(Scope.Thread)
    public static class Seeds {
        long next;
    }

    private static RunResult twoThreadScenario(Strategy strategy) {
        Executive fresh = Executive.boot(ExecutiveConfig.defaults().withPhysicalPages(64));
        Process racer = fresh.createProcess("racer.exe", false);
        LongOut base = new LongOut();
        Sim.check(fresh.inUserMode(racer, () -> fresh.nt().ntAllocateVirtualMemory(NtCurrentProcess, base, 0,
                new LongOut(4096), MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE)), "NtAllocateVirtualMemory");
        long counter = base.value;
        Scheduler scheduler = fresh.useControlledScheduler(strategy);
        for (int t = 0; t < 2; t++) {
            fresh.startThread(racer, context -> {
                for (int i = 0; i < ROUNDS; i++) context.writeInt(counter, context.readInt(counter) + 1);
            });
        }
        RunResult result = scheduler.run();
        fresh.mm().physicalMemory().close();
        return check(result);
    }

    private static RunResult check(RunResult result) {
        if (result.outcome() != RunResult.Outcome.COMPLETED) throw new IllegalStateException(result.describe());
        return result;
    }
}
