package ntsection.bench;

import ntsection.Executive;
import ntsection.ExecutiveConfig;
import ntsection.ke.Seh;
import ntsection.mm.MemoryAccess;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.ps.Process;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static ntsection.mm.PageProtection.PAGE_READWRITE;
import static ntsection.mm.PageProtection.SECTION_ALL_ACCESS;
import static ntsection.mm.PageProtection.SEC_COMMIT;
import static ntsection.mm.PageProtection.ViewShare;
import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static ntsection.ob.Handles.NtCurrentProcess;

/**
 * A 4-byte kernel read of a user view, as a driver's dispatch routine does it in the
 * process's context (Executive.inDispatchRoutine), against a raw
 * MemorySegment.get(JAVA_INT) of a 64 KiB off-heap segment. Each read takes the next
 * int of a 64 KiB window (16 pages, all materialized in setup), the same walk for the
 * view and for the raw segment.
 * <ul>
 * <li>{@code *PerCall}: one simulated-thread binding per read ({@code guardedPerCall} is
 *     Executive.guardedKernelCode = inDispatchRoutine + Seh.guard; {@code unguardedPerCall}
 *     is Executive.kernelCode, whose escaping exception would bug-check);
 *     {@link #bindingOnly} is the binding around an empty body.</li>
 * <li>{@code *Batched}: one binding for {@value #BATCH} reads (@OperationsPerInvocation);
 *     the guarded variant still puts every read in its own Seh.guard, as a driver would.
 *     Every result goes to a Blackhole, for the raw loop too, so that loop cannot be
 *     vectorized away.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ViewReadBench {
    static final int BATCH = 1024;
    static final long VIEW_BYTES = 64 * 1024;
    private static final long INT_MASK = VIEW_BYTES - 4;

    private Executive system;
    private Process process;
    private MemoryAccess access;
    private long view;
    private Arena arena;
    private MemorySegment raw;
    private long cursor;
    private int sink;
    private Blackhole blackhole;

    private Runnable guardedRead;
    private Supplier<NtStatus> unguardedRead;
    private Supplier<NtStatus> guardedBatch;
    private Supplier<NtStatus> unguardedBatch;
    private Supplier<NtStatus> nothing;

    @Setup
    public void boot() {
        system = Executive.boot(ExecutiveConfig.defaults().withPhysicalPages(4096));
        process = system.createProcess("bench.exe", false);
        access = system.mm().access();
        LongOut handle = new LongOut();
        LongOut base = new LongOut();
        LongOut size = new LongOut();
        check(system.inUserMode(process, () -> {
            check(system.nt().ntCreateSection(handle, SECTION_ALL_ACCESS, null, VIEW_BYTES, PAGE_READWRITE, SEC_COMMIT, 0));
            return system.nt().ntMapViewOfSection(handle.value, NtCurrentProcess, base, 0, 0, null, size, ViewShare, 0,
                    PAGE_READWRITE);
        }));
        view = base.value;
        arena = Arena.ofConfined();
        raw = arena.allocate(VIEW_BYTES, 4096);
        // Same contents in both; writing every int materializes every frame of the view.
        system.inUserMode(process, () -> {
            for (long at = 0; at < VIEW_BYTES; at += 4) {
                access.writeInt(view + at, (int) at);
                raw.set(JAVA_INT, at, (int) at);
            }
            return null;
        });
        guardedRead = () -> sink = access.readInt(view + next());
        unguardedRead = () -> {
            sink = access.readInt(view + next());
            return STATUS_SUCCESS;
        };
        Runnable guardedOne = () -> blackhole.consume(access.readInt(view + next()));
        guardedBatch = () -> {
            NtStatus status = STATUS_SUCCESS;
            for (int i = 0; i < BATCH; i++) status = Seh.guard(guardedOne);
            return status;
        };
        unguardedBatch = () -> {
            for (int i = 0; i < BATCH; i++) blackhole.consume(access.readInt(view + next()));
            return STATUS_SUCCESS;
        };
        nothing = () -> STATUS_SUCCESS;
        // Sanity: the view and the raw segment read the same.
        int fromView = system.inDispatchRoutine(process, () -> access.readInt(view + 0x4444));
        if (fromView != raw.get(JAVA_INT, 0x4444)) throw new IllegalStateException("view and raw differ");
    }

    @TearDown
    public void close() {
        arena.close();
    }

    private long next() {
        long at = cursor;
        cursor = (at + 4) & INT_MASK;
        return at;
    }

    private static NtStatus check(NtStatus status) {
        if (status != STATUS_SUCCESS) throw new IllegalStateException(status.toString());
        return status;
    }

    @Benchmark
    public int rawSegmentGet() {
        return raw.get(JAVA_INT, next());
    }

    @Benchmark
    public int guardedPerCall() {
        check(system.guardedKernelCode(process, guardedRead));
        return sink;
    }

    @Benchmark
    public int unguardedPerCall() {
        system.kernelCode(process, unguardedRead);
        return sink;
    }

    /** Control: the dispatch-routine binding (runAs + mode save/restore) around an empty body. */
    @Benchmark
    public NtStatus bindingOnly() {
        return system.inDispatchRoutine(process, nothing);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void rawSegmentGetBatched(Blackhole bh) {
        for (int i = 0; i < BATCH; i++) bh.consume(raw.get(JAVA_INT, next()));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public NtStatus guardedBatched(Blackhole bh) {
        blackhole = bh;
        return check(system.inDispatchRoutine(process, guardedBatch));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public NtStatus unguardedBatched(Blackhole bh) {
        blackhole = bh;
        return system.kernelCode(process, unguardedBatch);
    }
}
