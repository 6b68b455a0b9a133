package ntsection.ex;

import ntsection.ob.ObjectManager;

/**
 * KeInitializeEvent for kernel code: an event no handle names, which a driver waits
 * on with KeWaitForSingleObject and which goes with the caller's last dereference.
 * A test waits for a work item this way too, as a driver does: the routine sets it.
 */
public final class KernelEvents {
    private KernelEvents() {
    }

    public static Event keInitializeEvent(ObjectManager ob, int eventType, boolean signaled) {
        return ob.obCreateObject(new Event(ob.types().event(), eventType, signaled));
    }
}
