package ntsection.ps;

import ntsection.ke.Carrier;
import ntsection.ke.ProcessorMode;
import ntsection.ob.KernelObject;
import ntsection.ob.ObjectType;

/**
 * ETHREAD: a thread of a process. Besides its home process it has the process whose
 * address space and handle table it currently uses (KeStackAttachProcess changes it),
 * the mode its code is executing in, and the previous mode: the mode of the caller of
 * the system service in progress, which decides how far arguments are trusted.
 */
public final class Thread extends KernelObject {
    private final int id;
    private final Process process;
    private final boolean systemThread;
    Process current;
    boolean attached;
    ProcessorMode executionMode;
    ProcessorMode previousMode;
    boolean terminated;
    private Carrier carrier;
    /** How many try/except constructs of kernel code the thread is inside (the verifier's SV5 check reads it). */
    private int guardDepth;

    Thread(ObjectType type, int id, Process process, boolean systemThread) {
        super(type);
        this.id = id;
        this.process = process;
        this.systemThread = systemThread;
        this.current = process;
        this.executionMode = systemThread ? ProcessorMode.KernelMode : ProcessorMode.UserMode;
        this.previousMode = systemThread ? ProcessorMode.KernelMode : ProcessorMode.UserMode;
    }

    public int id() {
        return id;
    }

    /** The process the thread belongs to. */
    public Process process() {
        return process;
    }

    /** The process whose context the thread runs in: its own, or the one it is attached to. */
    public Process currentProcess() {
        return current;
    }

    public boolean isAttached() {
        return attached;
    }

    public boolean isSystemThread() {
        return systemThread;
    }

    public ProcessorMode executionMode() {
        return executionMode;
    }

    public ProcessorMode previousMode() {
        return previousMode;
    }

    public boolean isTerminated() {
        return terminated;
    }

    /** KeStackAttachProcess and its undoing: the process whose context the thread now uses. */
    public void setContext(Process process, boolean attachedToIt) {
        this.current = process;
        this.attached = attachedToIt;
    }

    /** The trap into a system service, or kernel code switching modes (Zw*). */
    public void setModes(ProcessorMode execution, ProcessorMode previous) {
        this.executionMode = execution;
        this.previousMode = previous;
    }

    /** Entering a try/except body (see ntsection.ke.Seh). */
    public void enterGuard() {
        guardDepth++;
    }

    /** Leaving a try/except body, normally or by an exception. */
    public void leaveGuard() {
        guardDepth--;
    }

    /** How many try/except bodies the thread is inside now; 0 when an exception would reach no handler. */
    public int guardDepth() {
        return guardDepth;
    }

    /** The Java carrier of a controlled scheduler that drives this thread, or null: then scheduling points pass through. */
    public Carrier carrier() {
        return carrier;
    }

    public void bindCarrier(Carrier carrier) {
        this.carrier = carrier;
    }

    @Override
    public String describe() {
        return "Thread " + id + " of " + process.imageName();
    }
}
