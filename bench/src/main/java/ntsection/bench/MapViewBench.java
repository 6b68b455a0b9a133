package ntsection.bench;

import ntsection.Executive;
import ntsection.ExecutiveConfig;
import ntsection.nt.LongOut;
import ntsection.nt.Nt;
import ntsection.nt.NtStatus;
import ntsection.nt.Zw;
import ntsection.ps.Process;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static ntsection.mm.PageProtection.PAGE_READWRITE;
import static ntsection.mm.PageProtection.SECTION_ALL_ACCESS;
import static ntsection.mm.PageProtection.SEC_COMMIT;
import static ntsection.mm.PageProtection.ViewShare;
import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static ntsection.ob.Handles.NtCurrentProcess;

/**
 * Map + unmap of a 64 KiB view of an existing SEC_COMMIT section into the caller's own
 * process (target: under 2 µs). Every benchmark here runs the measured calls inside a
 * simulated-thread binding (CurrentThread.runAs via Executive.inUserMode /
 * inDispatchRoutine):
 * <ul>
 * <li>{@code *PerCall}: one binding per map+unmap pair, so the score includes one
 *     runAs plus the mode save/restore; {@link #bindingOnly} measures that overhead alone.</li>
 * <li>{@code *Batched}: one binding for {@value #BATCH} pairs (@OperationsPerInvocation),
 *     so the binding cost is amortized away.</li>
 * </ul>
 * Nt* calls run from user-mode code (previous mode user: access checks on the handles);
 * Zw* calls run from a dispatch routine in the process's context (previous mode kernel).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MapViewBench {
    static final int BATCH = 100;
    static final long VIEW_BYTES = 64 * 1024;

    private Executive system;
    private Process process;
    private Nt nt;
    private Zw zw;
    private long section;
    private final LongOut base = new LongOut();
    private final LongOut size = new LongOut();

    private Supplier<NtStatus> ntPair;
    private Supplier<NtStatus> zwPair;
    private Supplier<NtStatus> ntBatch;
    private Supplier<NtStatus> zwBatch;
    private Supplier<NtStatus> nothing;

    @Setup
    public void boot() {
        system = Executive.boot(ExecutiveConfig.defaults().withPhysicalPages(4096));
        process = system.createProcess("bench.exe", false);
        nt = system.nt();
        zw = system.zw();
        LongOut handle = new LongOut();
        check(system.inUserMode(process, () ->
                nt.ntCreateSection(handle, SECTION_ALL_ACCESS, null, VIEW_BYTES, PAGE_READWRITE, SEC_COMMIT, 0)));
        section = handle.value;
        ntPair = this::ntMapUnmap;
        zwPair = this::zwMapUnmap;
        ntBatch = () -> {
            NtStatus last = null;
            for (int i = 0; i < BATCH; i++) last = ntMapUnmap();
            return last;
        };
        zwBatch = () -> {
            NtStatus last = null;
            for (int i = 0; i < BATCH; i++) last = zwMapUnmap();
            return last;
        };
        nothing = () -> STATUS_SUCCESS;
        // Sanity: the view really is 64 KiB and goes away again.
        check(system.inUserMode(process, ntPair));
        if (size.value != VIEW_BYTES) throw new IllegalStateException("view size " + size.value);
        if (process.addressSpace().viewCount() != 0) throw new IllegalStateException("view left mapped");
    }

    private NtStatus ntMapUnmap() {
        base.value = 0;
        size.value = 0;
        check(nt.ntMapViewOfSection(section, NtCurrentProcess, base, 0, 0, null, size, ViewShare, 0, PAGE_READWRITE));
        return check(nt.ntUnmapViewOfSection(NtCurrentProcess, base.value));
    }

    private NtStatus zwMapUnmap() {
        base.value = 0;
        size.value = 0;
        check(zw.zwMapViewOfSection(section, NtCurrentProcess, base, 0, 0, null, size, ViewShare, 0, PAGE_READWRITE));
        return check(zw.zwUnmapViewOfSection(NtCurrentProcess, base.value));
    }

    private static NtStatus check(NtStatus status) {
        if (status != STATUS_SUCCESS) throw new IllegalStateException(status.toString());
        return status;
    }

    @Benchmark
    public NtStatus ntMapUnmapPerCall() {
        return system.inUserMode(process, ntPair);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public NtStatus ntMapUnmapBatched() {
        return system.inUserMode(process, ntBatch);
    }

    @Benchmark
    public NtStatus zwMapUnmapPerCall() {
        return system.inDispatchRoutine(process, zwPair);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public NtStatus zwMapUnmapBatched() {
        return system.inDispatchRoutine(process, zwBatch);
    }

    /** Control: the binding (runAs + mode save/restore) around an empty body. */
    @Benchmark
    public NtStatus bindingOnly() {
        return system.inUserMode(process, nothing);
    }
}
