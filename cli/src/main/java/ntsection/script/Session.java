package ntsection.script;

import ntsection.Executive;
import ntsection.ke.NtException;
import ntsection.ke.ProcessorMode;
import ntsection.ke.Seh;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.ob.Attributes;
import ntsection.ps.Process;
import ntsection.ps.ProcessAccess;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The state of one script's run: its executive, its processes by name, the names its
 * steps bound, and the process handles opened for {@code process=NAME} arguments.
 */
final class Session {
    private static final String KERNEL_TABLE = "kernel";
    /** The name by which scripts refer to the System process (pid 4) without declaring it. */
    static final String SYSTEM_PROCESS = "System";

    private final Executive system;
    private final Map<String, Process> processes = new HashMap<>();
    private final Map<String, Binding> bindings = new HashMap<>();
    private final Map<String, Long> processHandles = new HashMap<>();
    private final List<String> notes = new ArrayList<>();

    Session(Executive system) {
        this.system = system;
        processes.put(SYSTEM_PROCESS, system.systemProcess());
    }

    Executive system() {
        return system;
    }

    void addProcess(String name, Process process) {
        processes.put(name, process);
    }

    Process process(String name) {
        return processes.get(name);
    }

    void bind(String name, Binding binding) {
        bindings.put(name, binding);
    }

    Binding binding(String name) {
        return bindings.get(name);
    }

    /**
     * Makes a step's call as the context's code would. User-mode code sees an exception it
     * raises as its own fault, never a bug-check; guarded kernel code runs inside
     * {@code __try/__except(EXCEPTION_EXECUTE_HANDLER)}; unguarded kernel code lets the
     * exception reach the kernel's last frame, which bug-checks with the code NT uses there
     * (SYSTEM_SERVICE_EXCEPTION in a dispatch routine, SYSTEM_THREAD_EXCEPTION_NOT_HANDLED
     * in the worker thread). {@code faulted} turns a caught exception into the step's reply.
     */
    Reply call(ContextName context, Supplier<Reply> body, Function<NtException, Reply> faulted) {
        Supplier<Reply> caught = () -> Seh.tryExcept(body, Seh.EXECUTE_HANDLER, faulted);
        return switch (context.kind()) {
            case USER -> system.inUserMode(process(context.process()), caught);
            case SYSTEM_THREAD -> context.guarded() ? system.inSystemThread(caught) : system.systemThreadCode(body);
            case DISPATCH -> context.guarded() ? system.inDispatchRoutine(process(context.process()), caught)
                    : system.kernelCode(process(context.process()), body);
        };
    }

    /** Runs {@code body} as the context's thread in the context's modes, with no frame of the script's around it. */
    <T> T run(ContextName context, Supplier<T> body) {
        return switch (context.kind()) {
            case USER -> system.inUserMode(process(context.process()), body);
            case SYSTEM_THREAD -> system.inSystemThread(body);
            case DISPATCH -> system.inDispatchRoutine(process(context.process()), body);
        };
    }

    /**
     * A handle to {@code target} with full access for code running in {@code caller},
     * opened once and reused. Kernel contexts get a kernel handle, so the handle does
     * not show up in a user process's table; a user context gets a handle in its own
     * table, as if something had handed it one, so it is opened with kernel access mode.
     */
    long processHandle(ContextName caller, String target) {
        String table = caller.isKernel() ? KERNEL_TABLE : caller.process();
        String key = table + "\u0000" + target;
        Long cached = processHandles.get(key);
        if (cached != null) return cached;
        Process process = process(target);
        if (process.isDeleted()) {
            throw new ArgumentError("process " + target + " has exited and its object is gone, so no handle to it can be opened");
        }
        int attributes = caller.isKernel() ? Attributes.OBJ_KERNEL_HANDLE : 0;
        LongOut handle = new LongOut();
        NtStatus status = run(caller.isKernel() ? caller : new ContextName(ContextName.Kind.DISPATCH, caller.process(), false),
                () -> system.ob().obOpenObjectByPointer(process, attributes, ProcessAccess.PROCESS_ALL_ACCESS,
                        system.ob().types().process(), ProcessorMode.KernelMode, handle));
        if (!status.isSuccess()) {
            throw new ArgumentError("cannot open a handle to process " + target + " for " + caller.shown() + ": " + status.name());
        }
        processHandles.put(key, handle.value);
        notes.add("process=" + target + " is handle " + OutputFormat.HEX.render(handle.value)
                + (caller.isKernel() ? " (a kernel handle)" : " in " + caller.process() + "'s table"));
        return handle.value;
    }

    /** What the runner did on the script's behalf during the last step, to print under it. */
    List<String> takeNotes() {
        List<String> taken = List.copyOf(notes);
        notes.clear();
        return taken;
    }
}
