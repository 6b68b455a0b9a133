package ntsection;

import ntsection.ex.EventServices;
import ntsection.ex.WorkQueues;
import ntsection.io.IoWorkItems;
import ntsection.io.IoManager;
import ntsection.ex.MutantServices;
import ntsection.ex.WaitServices;
import ntsection.ke.CurrentThread;
import ntsection.ke.ExceptionDispatch;
import ntsection.ke.Kernel;
import ntsection.ke.NtException;
import ntsection.ke.ProcessorMode;
import ntsection.ke.Scheduler;
import ntsection.ke.Seh;
import ntsection.ke.Strategy;
import ntsection.mm.MemoryManager;
import ntsection.nt.Nt;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.nt.Zw;
import ntsection.ob.DirectoryServices;
import ntsection.ob.HandleServices;
import ntsection.ob.ObjectManager;
import ntsection.ps.Process;
import ntsection.ps.ProcessManager;
import ntsection.ps.Thread;
import ntsection.user.UserContext;
import ntsection.user.UserProgram;

import java.util.SplittableRandom;
import java.util.function.Supplier;

import static ntsection.ob.Attributes.OBJ_KERNEL_HANDLE;

/**
 * One booted NT executive: the kernel's stop state, the object manager with its
 * namespace and types, the System process and its worker thread, and the Nt and Zw
 * service surfaces. Executives are independent: tests boot as many as they like.
 */
public final class Executive {
    private final ExecutiveConfig config;
    private final Kernel kernel = new Kernel();
    private final ObjectManager ob;
    private final ProcessManager ps;
    private final HandleServices handles;
    private final MemoryManager mm;
    private final IoManager io;
    private final Thread systemWorker;
    private final Nt nt;
    private final Zw zw;
    private Scheduler scheduler;
    /** Seeded, so that a run's secrets repeat with its schedule. */
    private final SplittableRandom random = new SplittableRandom(0x5EC7E75EEDL);

    private Executive(ExecutiveConfig config) {
        this.config = config;
        this.ob = new ObjectManager(kernel);
        this.ps = new ProcessManager(ob);
        this.handles = new HandleServices(ob, config.bugCheckOnInvalidKernelClose());
        this.mm = new MemoryManager(ob, config.physicalPages());
        this.io = new IoManager(this, ob, handles, mm);
        this.systemWorker = ps.createSystemThread();
        runAs(systemWorker, () -> mm.createPhysicalMemorySection(handles));
        DirectoryServices directories = new DirectoryServices(ob);
        EventServices events = new EventServices(ob);
        MutantServices mutants = new MutantServices(ob);
        WaitServices waits = new WaitServices(ob);
        this.nt = new Nt(kernel, handles, directories, events, ps, mm, io, mutants, waits);
        this.zw = new Zw(kernel, handles, directories, events, ps, mm, io, mutants, waits);
    }

    public static Executive boot() {
        return boot(ExecutiveConfig.defaults());
    }

    public static Executive boot(ExecutiveConfig config) {
        return new Executive(config);
    }

    public ExecutiveConfig config() {
        return config;
    }

    public Kernel kernel() {
        return kernel;
    }

    public ObjectManager ob() {
        return ob;
    }

    public ProcessManager ps() {
        return ps;
    }

    public MemoryManager mm() {
        return mm;
    }

    public Nt nt() {
        return nt;
    }

    public Zw zw() {
        return zw;
    }

    /**
     * BCryptGenRandom, as drivers call it for keys and nonces. Random bytes a driver asks
     * for are its secrets, so a verifier watching the system may mark them with canaries.
     */
    public void bCryptGenRandom(byte[] buffer) {
        synchronized (random) {
            random.nextBytes(buffer);
        }
        kernel.hooks().secretGenerated(buffer);
    }

    public Process systemProcess() {
        return ps.systemProcess();
    }

    /** A system worker thread: System process context, kernel mode. */
    public Thread systemWorker() {
        return systemWorker;
    }

    /** A user process (untrusted unless said) with one thread. */
    public Process createProcess(String imageName, boolean trusted) {
        return ps.createProcess(imageName, trusted);
    }

    /**
     * Ends a process: its handles closed, its threads ended. The rundown runs in the
     * process's own thread in kernel mode, where NT runs it as the last thread exits,
     * so the cleanup and close IRPs of its files reach drivers in its context.
     */
    public void terminateProcess(Process process, NtStatus exitStatus) {
        inDispatchRoutine(process, () -> {
            ps.terminate(process, exitStatus);
            return null;
        });
    }

    /** Runs {@code body} as the simulated thread {@code thread}. */
    public <T> T runAs(Thread thread, Supplier<T> body) {
        return CurrentThread.runAs(thread, body);
    }

    /** User-mode code of the process's first thread (previous mode user). */
    public <T> T inUserMode(Process process, Supplier<T> body) {
        return inModes(process.mainThread(), ProcessorMode.UserMode, ProcessorMode.UserMode, body);
    }

    /**
     * Kernel code in the process's thread, as a highest-level driver's dispatch
     * routine runs: executing in kernel mode, previous mode still user.
     */
    public <T> T inDispatchRoutine(Process process, Supplier<T> body) {
        return inModes(process.mainThread(), ProcessorMode.KernelMode, ProcessorMode.UserMode, body);
    }

    /** Kernel code on the system worker thread: System process context, previous mode kernel. */
    public <T> T inSystemThread(Supplier<T> body) {
        return inModes(systemWorker, ProcessorMode.KernelMode, ProcessorMode.KernelMode, body);
    }

    private <T> T inModes(Thread thread, ProcessorMode execution, ProcessorMode previous, Supplier<T> body) {
        ProcessorMode savedExecution = thread.executionMode();
        ProcessorMode savedPrevious = thread.previousMode();
        thread.setModes(execution, previous);
        try {
            return runAs(thread, body);
        } finally {
            thread.setModes(savedExecution, savedPrevious);
        }
    }

    public void runAs(Thread thread, Runnable body) {
        CurrentThread.runAs(thread, () -> {
            body.run();
            return null;
        });
    }

    /**
     * Driver code in a dispatch routine of the process's thread, with no try/except of
     * its own: an exception it lets escape (an access violation on a view the user
     * unmapped, say) bug-checks the system with SYSTEM_SERVICE_EXCEPTION, and the
     * BugCheckError reaches the caller.
     */
    public <T> T kernelCode(Process process, Supplier<T> body) {
        return inDispatchRoutine(process, () -> ExceptionDispatch.runKernelCode(kernel, body));
    }

    /** {@link #kernelCode(Process, Supplier)} for code with no result. */
    public void kernelCode(Process process, Runnable body) {
        kernelCode(process, () -> {
            body.run();
            return null;
        });
    }

    /**
     * The same driver code inside {@code __try/__except(EXCEPTION_EXECUTE_HANDLER)}: a
     * raised exception becomes the returned status and the system lives on.
     */
    public NtStatus guardedKernelCode(Process process, Runnable body) {
        return inDispatchRoutine(process, () -> Seh.guard(body));
    }

    /** Code on the system worker thread; an exception it lets escape is SYSTEM_THREAD_EXCEPTION_NOT_HANDLED. */
    public <T> T systemThreadCode(Supplier<T> body) {
        return inSystemThread(() -> ExceptionDispatch.runKernelCode(kernel, body));
    }

    /**
     * User-mode code of the process: a fault it takes is its own business, never a
     * bug-check. The status of the exception that ended it comes back, or
     * STATUS_SUCCESS.
     */
    public NtStatus userCode(Process process, Runnable body) {
        return inUserMode(process, () -> {
            try {
                body.run();
                return NtStatus.STATUS_SUCCESS;
            } catch (NtException exception) {
                return exception.status();
            }
        });
    }

    /** A user process with one thread that inherits the parent's OBJ_INHERIT handles at the same values. */
    public Process createProcess(String imageName, boolean trusted, Process parent) {
        return ps.createProcess(imageName, trusted, parent);
    }

    public IoManager io() {
        return io;
    }

    /** Loads a registered driver: see {@link IoManager#loadDriver}. */
    public NtStatus loadDriver(String serviceName) {
        return io.loadDriver(serviceName);
    }

    /** Unloads a driver, deferred while a device of it is open: see {@link IoManager#unloadDriver}. */
    public NtStatus unloadDriver(String serviceName) {
        return io.unloadDriver(serviceName);
    }

    /**
     * From now on threads started here run one at a time, as {@code strategy} chooses,
     * once {@link Scheduler#run()} is called. Set it before starting the run's threads.
     */
    public Scheduler useControlledScheduler(Strategy strategy) {
        // A worker started in free mode that has not yet seen its queue empty would take the run's first
        // item on a thread the controlled scheduler does not know: let it finish first.
        WorkQueues queues;
        synchronized (this) {
            queues = workQueues;
        }
        if (queues != null) queues.awaitIdle();
        scheduler = Scheduler.controlled(kernel, strategy);
        return scheduler;
    }

    /** From now on threads started here run in parallel at once. */
    public Scheduler useFreeScheduler() {
        scheduler = Scheduler.free(kernel);
        return scheduler;
    }

    /** The scheduler threads start under; a free one unless another was chosen. */
    public Scheduler scheduler() {
        if (scheduler == null) scheduler = Scheduler.free(kernel);
        return scheduler;
    }

    /** A new user-mode thread of {@code process} running {@code program}. */
    public Thread startThread(Process process, UserProgram program) {
        Thread thread = ps.createThread(process);
        UserContext context = new UserContext(nt, mm.access(), thread);
        scheduler().start(thread, () -> program.run(context));
        return thread;
    }

    /**
     * PsCreateSystemThread: a new thread of the System process running kernel code
     * {@code body}; an exception it lets escape bug-checks the system with
     * SYSTEM_THREAD_EXCEPTION_NOT_HANDLED, as on NT.
     */
    public Thread startSystemThread(Runnable body) {
        Thread thread = ps.createSystemThread();
        scheduler().start(thread, () -> ExceptionDispatch.runKernelCode(kernel, () -> {
            body.run();
            ps.exitSystemThread(thread);
            return null;
        }));
        return thread;
    }

    private WorkQueues workQueues;
    private IoWorkItems ioWorkItems;

    /** ExQueueWorkItem's queues and their system worker threads, made on first use. */
    public synchronized WorkQueues workQueues() {
        if (workQueues == null) workQueues = new WorkQueues(kernel, this::startSystemThread);
        return workQueues;
    }

    /** IoAllocateWorkItem, IoQueueWorkItem and IoFreeWorkItem on {@link #workQueues()}. */
    public synchronized IoWorkItems ioWorkItems() {
        if (ioWorkItems == null) ioWorkItems = new IoWorkItems(ob, workQueues());
        return ioWorkItems;
    }

    /**
     * PsCreateSystemThread with ProcessHandle NULL: a thread of the System process
     * running {@code startRoutine} (see {@link #startSystemThread}). The handle is a
     * kernel handle (OBJ_KERNEL_HANDLE), as drivers must ask for, so no user process
     * can use it; the caller closes it with ZwClose. Threads of other processes are not
     * modelled.
     */
    public NtStatus psCreateSystemThread(LongOut threadHandle, int desiredAccess, Runnable startRoutine,
                                         Out<Thread> thread) {
        kernel.checkRunning();
        Thread created = ps.createSystemThread();
        NtStatus status = ob.obOpenObjectByPointer(created, OBJ_KERNEL_HANDLE, desiredAccess, ob.types().thread(),
                ProcessorMode.KernelMode, threadHandle);
        if (!status.isSuccess()) return status;
        scheduler().start(created, () -> ExceptionDispatch.runKernelCode(kernel, () -> {
            startRoutine.run();
            ps.exitSystemThread(created);
            return null;
        }));
        if (thread != null) thread.value = created;
        return status;
    }
}
