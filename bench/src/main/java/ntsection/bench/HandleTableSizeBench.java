package ntsection.bench;

import ntsection.Executive;
import ntsection.ex.Event;
import ntsection.ke.CurrentThread;
import ntsection.ke.ProcessorMode;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ob.Handles;
import ntsection.ob.HandleEntry;
import ntsection.ob.HandleTable;
import ntsection.ob.KernelObject;
import ntsection.ob.ObjectAttributes;
import ntsection.ob.ObjectManager;
import ntsection.ob.ObjectType;
import ntsection.ps.Process;
import ntsection.ps.Thread;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static ntsection.bench.Sim.check;
import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static ntsection.ob.Attributes.DUPLICATE_SAME_ACCESS;

/**
 * The same operation as ObReferenceObjectByHandleBench.userMode_batch (user-mode
 * ObReferenceObjectByHandle with access check + ObDereferenceObject, BATCH pairs inside
 * one runAs), on a process whose table holds {@code size} handles, all to one event (one
 * NtCreateEvent, then NtDuplicateObject size-1 times). The handle for each op comes from
 * a precomputed array of 2^20 random picks, the same length for every size:
 * <ul>
 * <li>{@code randomAmongAll}: picks among every handle present;</li>
 * <li>{@code randomAmong100Spread}: picks among 100 handles spread evenly over the
 * table, so the working set is the same at every size and only the table's size
 * differs (separates the structure's cost from cache misses).</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class HandleTableSizeBench {
    static final int BATCH = 1024;
    static final int PICKS = 1 << 20;

    @Param({"100", "1000000"})
    int size;

    Executive exe;
    ObjectManager ob;
    ObjectType eventType;
    Process process;
    Thread userThread;
    long[] all;
    long[] picksAll;
    long[] picksSpread;
    int cursor;
    final Out<KernelObject> out = new Out<>();

    @Setup(Level.Trial)
    public void setup() {
        exe = Executive.boot();
        ob = exe.ob();
        eventType = ob.types().event();
        process = exe.createProcess("bench.exe", false);
        userThread = process.threads().getFirst();
        all = new long[size];
        CurrentThread.runAs(userThread, () -> {
            LongOut h = new LongOut();
            check(exe.nt().ntCreateEvent(h, Event.EVENT_ALL_ACCESS, ObjectAttributes.unnamed(0),
                    Event.NotificationEvent, false), "NtCreateEvent");
            all[0] = h.value;
            for (int i = 1; i < size; i++) {
                check(exe.nt().ntDuplicateObject(Handles.NtCurrentProcess, all[0], Handles.NtCurrentProcess, h,
                        0, 0, DUPLICATE_SAME_ACCESS), "NtDuplicateObject #" + i);
                all[i] = h.value;
            }
            return null;
        });
        HandleTable table = process.handleTable();
        if (table.count() != size) throw new IllegalStateException("table holds " + table.count() + ", wanted " + size);

        SplittableRandom random = new SplittableRandom(42);
        picksAll = new long[PICKS];
        for (int i = 0; i < PICKS; i++) picksAll[i] = all[random.nextInt(size)];
        long[] spread = new long[Math.min(100, size)];
        for (int i = 0; i < spread.length; i++) spread[i] = all[(int) ((long) i * size / spread.length)];
        picksSpread = new long[PICKS];
        for (int i = 0; i < PICKS; i++) picksSpread[i] = spread[random.nextInt(spread.length)];
        cursor = 0;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        exe.terminateProcess(process, NtStatus.STATUS_SUCCESS);
    }

    int loop(long[] picks) {
        int sum = 0;
        int c = cursor;
        for (int i = 0; i < BATCH; i++) {
            long handle = picks[c];
            c = (c + 1) & (PICKS - 1);
            NtStatus s = ob.obReferenceObjectByHandle(handle, Event.EVENT_MODIFY_STATE, eventType,
                    ProcessorMode.UserMode, out, null);
            if (s != STATUS_SUCCESS) throw new IllegalStateException("reference of " + handle + ": " + s);
            sum += ob.obDereferenceObject(out.value);
        }
        cursor = c;
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Integer randomAmongAll() {
        return CurrentThread.runAs(userThread, () -> loop(picksAll));
    }

    /**
     * HandleTable.lookup alone over the same random picks among every handle: no
     * simulated thread, no type or access check, no reference counting. Reads the
     * entry's granted access so that the entry itself is loaded.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int tableLookupOnly_randomAmongAll() {
        HandleTable table = process.handleTable();
        long[] picks = picksAll;
        int sum = 0;
        int c = cursor;
        for (int i = 0; i < BATCH; i++) {
            sum += table.lookup(picks[c]).grantedAccess();
            c = (c + 1) & (PICKS - 1);
        }
        cursor = c;
        return sum;
    }

    /**
     * Decomposition of randomAmongAll: HandleTable.lookup, the same type and access
     * checks, then the public ObfReferenceObject / ObfDereferenceObject instead of
     * ObReferenceObjectByHandle's tryReference (no simulated-thread lookup).
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Integer lookupThenObReferenceObject_randomAmongAll() {
        return CurrentThread.runAs(userThread, () -> {
            HandleTable table = process.handleTable();
            long[] picks = picksAll;
            int sum = 0;
            int c = cursor;
            for (int i = 0; i < BATCH; i++) {
                HandleEntry entry = table.lookup(picks[c]);
                c = (c + 1) & (PICKS - 1);
                KernelObject target = entry.object();
                if (target.type() != eventType || (Event.EVENT_MODIFY_STATE & ~entry.grantedAccess()) != 0) {
                    throw new IllegalStateException();
                }
                ob.obReferenceObject(target);
                sum += ob.obDereferenceObject(target);
            }
            cursor = c;
            return sum;
        });
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Integer randomAmong100Spread() {
        return CurrentThread.runAs(userThread, () -> loop(picksSpread));
    }
}
