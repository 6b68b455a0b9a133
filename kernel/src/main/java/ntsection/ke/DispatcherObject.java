package ntsection.ke;

import ntsection.nt.NtStatus;
import ntsection.ob.KernelObject;
import ntsection.ob.ObjectType;
import ntsection.ps.Thread;

import java.util.ArrayDeque;

/**
 * DISPATCHER_HEADER: an object threads can wait on. The signal state and the wait
 * list change under the object's monitor; waiters are satisfied first come, first
 * served. Subclasses say when the object is signaled for a given thread and what
 * satisfying a wait does to it (a synchronization event resets, a mutant changes hands).
 */
public abstract class DispatcherObject extends KernelObject {
    private final ArrayDeque<WaitBlock> waiters = new ArrayDeque<>();

    protected DispatcherObject(ObjectType type) {
        super(type);
    }

    /** Whether a wait by {@code thread} would be satisfied now. Called with the monitor held. */
    protected abstract boolean isSignaledFor(Thread thread);

    /** The side effect of a satisfied wait, and the wait's status. Called with the monitor held. */
    protected abstract NtStatus satisfy(Thread thread);

    /** The state a deadlock report shows: "not signaled", "owned by Thread 12 of a.exe". */
    public abstract String describeState();

    /**
     * The owner {@code thread} ended still owning this object (only a thread a scheduler
     * started is tracked). Called without the monitor.
     */
    protected void abandon(Thread thread) {
    }

    /** Records that {@code thread} now owns this object, so that its end abandons it. */
    protected final void ownerTook(Thread thread) {
        Carrier carrier = thread.carrier();
        if (carrier != null) carrier.took(this);
    }

    /** Records that {@code thread} gave this object up. */
    protected final void ownerGaveUp(Thread thread) {
        Carrier carrier = thread.carrier();
        if (carrier != null) carrier.gaveUp(this);
    }

    /** After the state changed: satisfies waiters in order while the object stays signaled for them. Monitor held. */
    protected final void wakeWaiters() {
        WaitBlock block;
        while ((block = waiters.peekFirst()) != null && isSignaledFor(block.thread)) {
            waiters.pollFirst();
            block.satisfy(satisfy(block.thread));
        }
    }

    /** The scheduling point after a signal, which lets a released waiter run first. Call without the monitor. */
    protected final void signalled() {
        if (CurrentThread.isSet()) SchedulingPoint.at(CurrentThread.get(), PointKind.SIGNAL, address());
    }

    final void enqueue(WaitBlock block) {
        waiters.addLast(block);
    }

    final void dequeue(WaitBlock block) {
        waiters.remove(block);
    }
}
