package ntsection.bench;

import ntsection.Executive;
import ntsection.ExecutiveConfig;
import ntsection.mm.MemoryAccess;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.ps.Process;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

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
 * Bulk copies through a view with MemoryAccess.read/write from the owning process's
 * user-mode code, against a plain MemorySegment.copy of the same size between two
 * off-heap segments (target: the view copy at least 0.9 of the plain copy's
 * throughput). Setup touches every page of the view in order, so all frames exist
 * before measurement; the allocator hands out frames lowest first, so the view's
 * frames are physically contiguous and setup checks that they are. One simulated-thread
 * binding per copy (a few tens of ns, negligible against the copy). Besides the plain
 * copy between two segments of the bench's own arena, {@code plainCopyFromFrames} and
 * {@code plainCopyToFrames} copy straight between the view's frames in RAM and the same
 * destination/source, which separates the kernel's overhead from where the memory
 * happens to sit.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ViewCopyBench {
    @Param({"1048576", "67108864"})
    public long bytes;

    private Executive system;
    private Process process;
    private MemoryAccess access;
    private long view;
    private Arena arena;
    private MemorySegment source;
    private MemorySegment destination;
    /** The view's frames in RAM, as one segment: what MemoryAccess copies from and to. */
    private MemorySegment frames;
    private Supplier<NtStatus> readOut;
    private Supplier<NtStatus> writeIn;

    @Setup
    public void boot() {
        system = Executive.boot(ExecutiveConfig.defaults().withPhysicalPages(65536));
        process = system.createProcess("bench.exe", false);
        access = system.mm().access();
        LongOut handle = new LongOut();
        LongOut base = new LongOut();
        LongOut size = new LongOut();
        check(system.inUserMode(process, () -> {
            check(system.nt().ntCreateSection(handle, SECTION_ALL_ACCESS, null, bytes, PAGE_READWRITE, SEC_COMMIT, 0));
            return system.nt().ntMapViewOfSection(handle.value, NtCurrentProcess, base, 0, 0, null, size, ViewShare, 0,
                    PAGE_READWRITE);
        }));
        view = base.value;
        if (size.value != bytes) throw new IllegalStateException("view size " + size.value);
        arena = Arena.ofShared();
        source = arena.allocate(bytes, 4096);
        destination = arena.allocate(bytes, 4096);
        for (long at = 0; at < bytes; at += 4) source.set(JAVA_INT, at, (int) (at * 31));
        destination.fill((byte) 1);
        long pages = bytes >>> 12;
        // Touch every page, in order: one marker int per page materializes its frame.
        system.inUserMode(process, () -> {
            for (long page = 0; page < pages; page++) access.writeInt(view + (page << 12), 0x5EC70000 + (int) page);
            return null;
        });
        frames = system.mm().physicalMemory().segment().asSlice(checkContiguous(pages) << 12, bytes);
        readOut = () -> {
            access.read(view, destination, 0, bytes);
            return STATUS_SUCCESS;
        };
        writeIn = () -> {
            access.write(view, source, 0, bytes);
            return STATUS_SUCCESS;
        };
    }

    /** The markers sit at consecutive frames of RAM: the copy path moves the view as one physical run. */
    private long checkContiguous(long pages) {
        MemorySegment ram = system.mm().physicalMemory().segment();
        long first = -1;
        for (long frame = 0; frame < ram.byteSize() >>> 12; frame++) {
            if (ram.get(JAVA_INT, frame << 12) == 0x5EC70000) {
                first = frame;
                break;
            }
        }
        if (first < 0) throw new IllegalStateException("first page's frame not found");
        for (long page = 0; page < pages; page++) {
            if (ram.get(JAVA_INT, (first + page) << 12) != 0x5EC70000 + (int) page) {
                throw new IllegalStateException("view frames not contiguous at page " + page);
            }
        }
        return first;
    }

    @TearDown
    public void close() {
        arena.close();
    }

    private static NtStatus check(NtStatus status) {
        if (status != STATUS_SUCCESS) throw new IllegalStateException(status.toString());
        return status;
    }

    @Benchmark
    public MemorySegment plainCopy() {
        MemorySegment.copy(source, 0, destination, 0, bytes);
        return destination;
    }

    /** Extra control: the same MemorySegment.copy straight out of the view's frames, no kernel in the way. */
    @Benchmark
    public MemorySegment plainCopyFromFrames() {
        MemorySegment.copy(frames, 0, destination, 0, bytes);
        return destination;
    }

    /** Extra control: the same MemorySegment.copy straight into the view's frames. */
    @Benchmark
    public MemorySegment plainCopyToFrames() {
        MemorySegment.copy(source, 0, frames, 0, bytes);
        return frames;
    }

    @Benchmark
    public NtStatus readFromView() {
        return system.inUserMode(process, readOut);
    }

    @Benchmark
    public NtStatus writeToView() {
        return system.inUserMode(process, writeIn);
    }
}
