package ntsection.bench;

import ntsection.Executive;
import ntsection.ke.CurrentThread;
import ntsection.ps.Thread;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A control for the cost of binding the simulated thread per call, with no kernel code
 * except {@code kernelRunAs}: CurrentThread.runAs on a Java thread with nothing bound
 * restores by ThreadLocal.remove(), so the next set() allocates a new map entry (a
 * WeakReference) every call. Compared with the same shape restoring by set(null), and
 * with a ScopedValue binding (final in JDK 25). Each body returns a constant.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class ThreadBindingControlBench {
    static final ThreadLocal<Object> REMOVE = new ThreadLocal<>();
    static final ThreadLocal<Object> SET_NULL = new ThreadLocal<>();
    static final ScopedValue<Object> SCOPED = ScopedValue.newInstance();

    final Object thread = new Object();
    final Supplier<Object> body = () -> Boolean.TRUE;
    Thread simulated;

    @Setup(Level.Trial)
    public void setup() {
        simulated = Executive.boot().systemWorker();
    }

    static <T> T runAsRemove(Object thread, Supplier<T> body) {
        Object before = REMOVE.get();
        REMOVE.set(thread);
        try {
            return body.get();
        } finally {
            if (before == null) REMOVE.remove(); else REMOVE.set(before);
        }
    }

    static <T> T runAsSetNull(Object thread, Supplier<T> body) {
        Object before = SET_NULL.get();
        SET_NULL.set(thread);
        try {
            return body.get();
        } finally {
            SET_NULL.set(before);
        }
    }

    @Benchmark
    public Object kernelRunAs() {
        return CurrentThread.runAs(simulated, body);
    }

    @Benchmark
    public Object threadLocal_removeOnExit() {
        return runAsRemove(thread, body);
    }

    @Benchmark
    public Object threadLocal_setNullOnExit() {
        return runAsSetNull(thread, body);
    }

    @Benchmark
    public Object scopedValue() {
        return ScopedValue.where(SCOPED, thread).call(body::get);
    }
}
