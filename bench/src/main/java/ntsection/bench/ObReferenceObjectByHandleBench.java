package ntsection.bench;

import ntsection.Executive;
import ntsection.ex.Event;
import ntsection.ke.CurrentThread;
import ntsection.ke.ProcessorMode;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;

import static ntsection.bench.Sim.check;
import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static ntsection.ob.Attributes.OBJ_KERNEL_HANDLE;

/**
 * ObReferenceObjectByHandle on a valid event handle, paired with ObDereferenceObject
 * (one op = one reference + one dereference; the reference alone is at most that).
 *
 * <p>The simulated current thread is a ThreadLocal that only {@code CurrentThread.runAs}
 * can bind, and it unbinds on return, so it cannot be bound once per trial. Two shapes:
 * {@code *_batch} binds once and runs {@link #BATCH} pairs inside one runAs (the raw
 * object-manager cost); {@code *_perCall} binds around every pair (what a caller that
 * enters the executive per call pays). {@code runAs_empty} is the binding alone.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class ObReferenceObjectByHandleBench {
    static final int BATCH = 1024;

    Executive exe;
    ObjectManager ob;
    ObjectType eventType;
    Process process;
    Thread userThread;
    Thread systemThread;
    long userHandle;
    long kernelHandle;
    final Out<KernelObject> out = new Out<>();

    @Setup(Level.Trial)
    public void setup() {
        exe = Executive.boot();
        ob = exe.ob();
        eventType = ob.types().event();
        process = exe.createProcess("bench.exe", false);
        userThread = process.threads().getFirst();
        systemThread = exe.systemWorker();

        LongOut user = new LongOut();
        check(exe.inUserMode(process, () -> exe.nt().ntCreateEvent(user, Event.EVENT_ALL_ACCESS,
                ObjectAttributes.unnamed(0), Event.NotificationEvent, false)), "NtCreateEvent");
        userHandle = user.value;

        LongOut kernel = new LongOut();
        check(exe.inSystemThread(() -> exe.zw().zwCreateEvent(kernel, Event.EVENT_ALL_ACCESS,
                ObjectAttributes.unnamed(OBJ_KERNEL_HANDLE), Event.NotificationEvent, false)), "ZwCreateEvent");
        kernelHandle = kernel.value;

        // The modes the benchmark relies on: the user thread is in user mode, the worker in kernel mode.
        if (userThread.executionMode() != ProcessorMode.UserMode || userThread.previousMode() != ProcessorMode.UserMode
                || systemThread.executionMode() != ProcessorMode.KernelMode
                || systemThread.previousMode() != ProcessorMode.KernelMode) {
            throw new IllegalStateException("unexpected thread modes");
        }
        CurrentThread.runAs(userThread, () -> { userOne(); return null; });
        CurrentThread.runAs(systemThread, () -> { kernelOne(); return null; });
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        exe.terminateProcess(process, NtStatus.STATUS_SUCCESS);
    }

    /** Kernel mode, kernel handle, no access check. Returns the pointer count left. */
    int kernelOne() {
        NtStatus s = ob.obReferenceObjectByHandle(kernelHandle, Event.EVENT_MODIFY_STATE, eventType,
                ProcessorMode.KernelMode, out, null);
        if (s != STATUS_SUCCESS) throw new IllegalStateException("kernel reference: " + s);
        return ob.obDereferenceObject(out.value);
    }

    /** User mode, the process's own handle, access checked against the granted mask. */
    int userOne() {
        NtStatus s = ob.obReferenceObjectByHandle(userHandle, Event.EVENT_MODIFY_STATE, eventType,
                ProcessorMode.UserMode, out, null);
        if (s != STATUS_SUCCESS) throw new IllegalStateException("user reference: " + s);
        return ob.obDereferenceObject(out.value);
    }

    Integer kernelLoop() {
        int sum = 0;
        for (int i = 0; i < BATCH; i++) sum += kernelOne();
        return sum;
    }

    Integer userLoop() {
        int sum = 0;
        for (int i = 0; i < BATCH; i++) sum += userOne();
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Integer kernelMode_batch() {
        return CurrentThread.runAs(systemThread, this::kernelLoop);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Integer userMode_batch() {
        return CurrentThread.runAs(userThread, this::userLoop);
    }

    @Benchmark
    public int kernelMode_perCall() {
        return CurrentThread.runAs(systemThread, this::kernelOne);
    }

    @Benchmark
    public int userMode_perCall() {
        return CurrentThread.runAs(userThread, this::userOne);
    }

    /** The cost of binding the simulated thread alone. */
    @Benchmark
    public Object runAs_empty() {
        return CurrentThread.runAs(userThread, () -> userThread);
    }

    /** The handle-table read alone (no thread, no type or access check, no reference). */
    @Benchmark
    public Object handleTableLookup_only() {
        return process.handleTable().lookup(userHandle);
    }
}
