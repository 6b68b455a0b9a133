package ntsection.ps;

import ntsection.ke.ProcessorMode;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.ob.ObjectAttributes;
import ntsection.ob.ObjectManager;

import java.util.ArrayList;
import java.util.List;

import static ntsection.nt.NtStatus.*;

/**
 * The process manager (Ps): the System process (pid 4) and user processes, their
 * threads, and termination. A running process is kept alive by its own creation
 * reference and each thread's reference to it; once it has exited, only handles and
 * kernel references keep the object.
 */
public final class ProcessManager {
    public static final int SYSTEM_PROCESS_ID = 4;

    private final ObjectManager ob;
    private final List<Process> active = new ArrayList<>();
    private final Process system;
    private int nextClientId = SYSTEM_PROCESS_ID + 4;

    public ProcessManager(ObjectManager ob) {
        this.ob = ob;
        this.system = ob.obCreateObject(new Process(ob.types().process(), SYSTEM_PROCESS_ID, "System", Token.system()));
        ob.setSystemProcess(system);
        active.add(system);
    }

    public Process systemProcess() {
        return system;
    }

    /** PsCreateSystemThread with no process handle: a thread of the System process. */
    public synchronized Thread createSystemThread() {
        return addThread(system, true);
    }

    /** A user process with one user-mode thread. */
    public synchronized Process createProcess(String imageName, boolean trusted) {
        return createProcess(imageName, trusted, null);
    }

    /**
     * A user process with one user-mode thread whose handle table starts as a copy of
     * the parent's inheritable handles (none without a parent). As NT's process
     * creation fails with STATUS_PROCESS_IS_TERMINATING, a parent that has begun to
     * terminate is refused, and so is System, whose table is the kernel handle table.
     */
    public synchronized Process createProcess(String imageName, boolean trusted, Process parent) {
        if (parent != null && (parent.terminating || parent == system)) {
            throw new IllegalArgumentException(parent.describe() + " cannot be a parent: "
                    + (parent == system ? "its table is the kernel handle table" : "it is terminating"));
        }
        Process process = ob.obCreateObject(new Process(ob.types().process(), allocateClientId(), imageName,
                Token.user(imageName, trusted)));
        if (parent != null) ob.inheritHandles(parent, process);
        active.add(process);
        addThread(process, false);
        return process;
    }

    public synchronized Thread createThread(Process process) {
        return addThread(process, false);
    }

    /**
     * PspExitThread for a system thread whose start routine returned: off its process's
     * list, and the references the thread and its process held for it released, so an
     * ended worker does not outlive its handles.
     */
    public void exitSystemThread(Thread thread) {
        synchronized (this) {
            if (!system.threads.remove(thread)) return;
            thread.terminated = true;
        }
        ob.obDereferenceObject(system);
        ob.obDereferenceObject(thread);
    }

    private Thread addThread(Process process, boolean systemThread) {
        Thread thread = ob.obCreateObject(new Thread(ob.types().thread(), allocateClientId(), process, systemThread));
        ob.obReferenceObject(process);
        process.threads.add(thread);
        return thread;
    }

    private int allocateClientId() {
        int id = nextClientId;
        nextClientId += 4;
        return id;
    }

    /** The processes that have not exited, the System process first. */
    public synchronized List<Process> activeProcesses() {
        return List.copyOf(active);
    }

    public synchronized Process byId(int id) {
        for (Process p : active) if (p.id() == id) return p;
        return null;
    }

    /**
     * Process termination: every handle closed (protect-from-close ignored), every
     * thread ended, the process taken off the active list. The object itself stays
     * while handles to it or references remain elsewhere.
     */
    public void terminate(Process process, NtStatus exitStatus) {
        synchronized (this) {
            if (process.terminating || process == system) return;
            process.terminating = true;
            process.exitStatus = exitStatus.code();
        }
        ob.closeAllHandles(process);
        process.addressSpace().runDown();
        List<Thread> threads;
        synchronized (this) {
            threads = List.copyOf(process.threads);
            active.remove(process);
            process.exited = true;
        }
        for (Thread thread : threads) {
            thread.terminated = true;
            ob.obDereferenceObject(process);
            ob.obDereferenceObject(thread);
        }
        ob.obDereferenceObject(process);
    }

    /** NtOpenProcess by client id (the pid); the object attributes carry only flags. */
    public NtStatus openProcess(LongOut handle, int desiredAccess, ObjectAttributes attributes, int processId,
                                ProcessorMode mode) {
        if (attributes.name() != null) return STATUS_INVALID_PARAMETER_MIX;
        Process process = byId(processId);
        if (process == null) return STATUS_INVALID_PARAMETER;
        return ob.obOpenObjectByPointer(process, attributes.attributes(), desiredAccess, ob.types().process(), mode, handle);
    }
}
