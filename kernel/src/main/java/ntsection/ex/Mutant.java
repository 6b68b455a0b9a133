package ntsection.ex;

import ntsection.ke.DispatcherObject;
import ntsection.nt.NtStatus;
import ntsection.ob.ObjectType;
import ntsection.ps.Thread;

/**
 * A mutant (KMUTANT): owned by at most one thread, which may acquire it again
 * recursively; signaled while unowned. A release by a thread that does not own it is
 * refused. When its owner ends without releasing it the mutant is abandoned: the next
 * wait that acquires it returns STATUS_ABANDONED_WAIT_0.
 */
public final class Mutant extends DispatcherObject {
    public static final int MUTANT_QUERY_STATE = 0x0001;
    public static final int MUTANT_ALL_ACCESS = 0x001F0001;

    private Thread owner;
    private int recursion;
    private boolean abandoned;

    Mutant(ObjectType type, Thread initialOwner) {
        super(type);
        this.owner = initialOwner;
        this.recursion = initialOwner == null ? 0 : 1;
        if (initialOwner != null) ownerTook(initialOwner);
    }

    public synchronized Thread owner() {
        return owner;
    }

    /**
     * KeReleaseMutant by {@code thread}: one level of ownership given up, and the mutant
     * handed to the first waiter once the last is. The previous count is NT's: 1 when
     * unowned, otherwise 1 minus the recursion depth.
     */
    public NtStatus release(Thread thread, int[] previousCount) {
        synchronized (this) {
            if (owner != thread) return NtStatus.STATUS_MUTANT_NOT_OWNED;
            if (previousCount != null) previousCount[0] = 1 - recursion;
            if (--recursion > 0) return NtStatus.STATUS_SUCCESS;
            owner = null;
            ownerGaveUp(thread);
            wakeWaiters();
        }
        signalled();
        return NtStatus.STATUS_SUCCESS;
    }

    @Override
    protected boolean isSignaledFor(Thread thread) {
        return owner == null || owner == thread;
    }

    @Override
    protected NtStatus satisfy(Thread thread) {
        if (recursion == Integer.MAX_VALUE) return NtStatus.STATUS_MUTANT_LIMIT_EXCEEDED;
        if (owner == null) ownerTook(thread);
        owner = thread;
        recursion++;
        if (!abandoned) return NtStatus.STATUS_SUCCESS;
        abandoned = false;
        return NtStatus.STATUS_ABANDONED_WAIT_0;
    }

    @Override
    protected void abandon(Thread thread) {
        synchronized (this) {
            if (owner != thread) return;
            owner = null;
            recursion = 0;
            abandoned = true;
            wakeWaiters();
        }
        signalled();
    }

    @Override
    public synchronized String describeState() {
        if (owner != null) return "owned by " + owner.describe() + ", depth " + recursion;
        return abandoned ? "abandoned" : "unowned";
    }
}
