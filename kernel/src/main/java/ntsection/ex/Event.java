package ntsection.ex;

import ntsection.ke.DispatcherObject;
import ntsection.nt.NtStatus;
import ntsection.ob.ObjectType;
import ntsection.ps.Thread;

/**
 * An event object (KEVENT inside an executive object). A notification event stays
 * signaled until reset and releases every waiter; a synchronization event releases
 * one waiter and resets itself as it does.
 */
public final class Event extends DispatcherObject {
    public static final int NotificationEvent = 0;
    public static final int SynchronizationEvent = 1;

    public static final int EVENT_QUERY_STATE = 0x0001;
    public static final int EVENT_MODIFY_STATE = 0x0002;
    public static final int EVENT_ALL_ACCESS = 0x001F0003;

    private final int eventType;
    private boolean signaled;

    Event(ObjectType type, int eventType, boolean signaled) {
        super(type);
        this.eventType = eventType;
        this.signaled = signaled;
    }

    public int eventType() {
        return eventType;
    }

    public synchronized boolean isSignaled() {
        return signaled;
    }

    /**
     * KeSetEvent: signals and releases waiters; returns the previous state. The waiters
     * it releases may run next: the signal is a scheduling point, taken after the
     * object's monitor is let go.
     */
    public boolean set() {
        boolean previous;
        synchronized (this) {
            previous = signaled;
            signaled = true;
            wakeWaiters();
        }
        signalled();
        return previous;
    }

    /** KeResetEvent: returns the previous state. */
    public synchronized boolean reset() {
        boolean previous = signaled;
        signaled = false;
        return previous;
    }

    @Override
    protected boolean isSignaledFor(Thread thread) {
        return signaled;
    }

    @Override
    protected NtStatus satisfy(Thread thread) {
        if (eventType == SynchronizationEvent) signaled = false;
        return NtStatus.STATUS_SUCCESS;
    }

    @Override
    public synchronized String describeState() {
        return (eventType == SynchronizationEvent ? "synchronization event, " : "notification event, ")
                + (signaled ? "signaled" : "not signaled");
    }
}
