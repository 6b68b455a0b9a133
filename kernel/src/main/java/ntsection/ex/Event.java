package ntsection.ex;

import ntsection.ob.KernelObject;
import ntsection.ob.ObjectType;

/** An event object (KEVENT inside an executive object): notification or synchronization, signaled or not. */
public final class Event extends KernelObject {
    public static final int NotificationEvent = 0;
    public static final int SynchronizationEvent = 1;

    public static final int EVENT_QUERY_STATE = 0x0001;
    public static final int EVENT_MODIFY_STATE = 0x0002;
    public static final int EVENT_ALL_ACCESS = 0x001F0003;

    private final int eventType;
    private volatile boolean signaled;

    Event(ObjectType type, int eventType, boolean signaled) {
        super(type);
        this.eventType = eventType;
        this.signaled = signaled;
    }

    public int eventType() {
        return eventType;
    }

    public boolean isSignaled() {
        return signaled;
    }
}
