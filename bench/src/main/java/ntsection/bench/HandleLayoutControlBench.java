package ntsection.bench;

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

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * A control for HandleTableSizeBench, with no kernel code: what random lookups among
 * {@code size} entries cost on this machine for two table layouts, with the same page
 * size (256), the same 2^20 random picks (seed 42) and the same batch.
 * <ul>
 * <li>{@code entryObjects}: pages of references to one small immutable entry object
 * per handle, as ntsection's HandleTable stores HandleEntry records (two dependent
 * loads after the page directory: the page slot, then the entry);</li>
 * <li>{@code parallelArrays}: per page, an object array and an int array of granted
 * access, so the entry's fields sit inline in the page as in NT's HANDLE_TABLE_ENTRY
 * (two independent loads after the page directory).</li>
 * </ul>
 * Every entry points to the same target object, as in HandleTableSizeBench. The
 * {@code *_refCount} variants add what ObReferenceObjectByHandle + ObDereferenceObject
 * add: an atomic increment and decrement of the target's count (locked instructions,
 * which on x86 stop later loads from overlapping with earlier cache misses).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class HandleLayoutControlBench {
    static final int BATCH = 1024;
    static final int PICKS = 1 << 20;
    static final int PAGE = 256;

    record Entry(Object object, int grantedAccess, int attributes) {
    }

    @Param({"100", "1000000"})
    int size;

    static final class Target {
        volatile int count = 1;
    }

    static final VarHandle COUNT;

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(Target.class, "count", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Target target = new Target();
    Entry[][] entryPages;
    Object[][] objectPages;
    int[][] accessPages;
    int[] picks;
    int cursor;

    @Setup(Level.Trial)
    public void setup() {
        int pages = (size + PAGE - 1) / PAGE;
        entryPages = new Entry[pages][];
        objectPages = new Object[pages][];
        accessPages = new int[pages][];
        for (int p = 0; p < pages; p++) {
            entryPages[p] = new Entry[PAGE];
            for (int i = 0; i < PAGE && p * PAGE + i < size; i++) entryPages[p][i] = new Entry(target, 0x1F0003, 0);
        }
        for (int p = 0; p < pages; p++) {
            objectPages[p] = new Object[PAGE];
            accessPages[p] = new int[PAGE];
            for (int i = 0; i < PAGE && p * PAGE + i < size; i++) {
                objectPages[p][i] = target;
                accessPages[p][i] = 0x1F0003;
            }
        }
        SplittableRandom random = new SplittableRandom(42);
        picks = new int[PICKS];
        for (int i = 0; i < PICKS; i++) picks[i] = random.nextInt(size);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int entryObjects() {
        Entry[][] directory = entryPages;
        int sum = 0;
        int c = cursor;
        for (int i = 0; i < BATCH; i++) {
            int index = picks[c];
            c = (c + 1) & (PICKS - 1);
            Entry e = directory[index >>> 8][index & (PAGE - 1)];
            if ((0x2 & ~e.grantedAccess()) != 0 || e.object() != target) throw new IllegalStateException();
            sum += e.grantedAccess();
        }
        cursor = c;
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int parallelArrays() {
        Object[][] objects = objectPages;
        int[][] access = accessPages;
        int sum = 0;
        int c = cursor;
        for (int i = 0; i < BATCH; i++) {
            int index = picks[c];
            c = (c + 1) & (PICKS - 1);
            int page = index >>> 8;
            int slot = index & (PAGE - 1);
            Object o = objects[page][slot];
            int granted = access[page][slot];
            if ((0x2 & ~granted) != 0 || o != target) throw new IllegalStateException();
            sum += granted;
        }
        cursor = c;
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int entryObjects_refCount() {
        Entry[][] directory = entryPages;
        int sum = 0;
        int c = cursor;
        for (int i = 0; i < BATCH; i++) {
            int index = picks[c];
            c = (c + 1) & (PICKS - 1);
            Entry e = directory[index >>> 8][index & (PAGE - 1)];
            if ((0x2 & ~e.grantedAccess()) != 0) throw new IllegalStateException();
            Object o = e.object();
            COUNT.getAndAdd((Target) o, 1);
            sum += (int) COUNT.getAndAdd((Target) o, -1);
        }
        cursor = c;
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int parallelArrays_refCount() {
        Object[][] objects = objectPages;
        int[][] access = accessPages;
        int sum = 0;
        int c = cursor;
        for (int i = 0; i < BATCH; i++) {
            int index = picks[c];
            c = (c + 1) & (PICKS - 1);
            int page = index >>> 8;
            int slot = index & (PAGE - 1);
            Object o = objects[page][slot];
            if ((0x2 & ~access[page][slot]) != 0) throw new IllegalStateException();
            COUNT.getAndAdd((Target) o, 1);
            sum += (int) COUNT.getAndAdd((Target) o, -1);
        }
        cursor = c;
        return sum;
    }
}
