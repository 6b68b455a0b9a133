package ntsection.ex;

import ntsection.ke.ProcessorMode;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ob.KernelObject;
import ntsection.ob.ObjectAttributes;
import ntsection.ob.ObjectManager;

import static ntsection.nt.NtStatus.*;

/** NtCreateEvent, NtOpenEvent, NtSetEvent and NtResetEvent. */
public final class EventServices {
    private final ObjectManager ob;

    public EventServices(ObjectManager ob) {
        this.ob = ob;
    }

    public NtStatus create(LongOut handle, int desiredAccess, ObjectAttributes attributes, int eventType,
                           boolean initialState, ProcessorMode mode) {
        if (eventType != Event.NotificationEvent && eventType != Event.SynchronizationEvent) return STATUS_INVALID_PARAMETER;
        Out<ObjectAttributes> captured = new Out<>();
        NtStatus status = ob.captureAttributes(attributes, mode, captured);
        if (status != STATUS_SUCCESS) return status;
        Event event = ob.obCreateObject(new Event(ob.types().event(), eventType, initialState));
        return ob.obInsertObject(event, captured.value, desiredAccess, mode, handle);
    }

    public NtStatus open(LongOut handle, int desiredAccess, ObjectAttributes attributes, ProcessorMode mode) {
        if (attributes == null) return STATUS_INVALID_PARAMETER;
        Out<ObjectAttributes> captured = new Out<>();
        NtStatus status = ob.captureAttributes(attributes, mode, captured);
        if (status != STATUS_SUCCESS) return status;
        return ob.obOpenObjectByName(captured.value, ob.types().event(), mode, desiredAccess, handle);
    }

    /** NtSetEvent (set) or NtResetEvent (!set); the previous state (1 or 0) goes to {@code previousState} if given. */
    public NtStatus setOrReset(long handle, boolean set, LongOut previousState, ProcessorMode mode) {
        Out<KernelObject> object = new Out<>();
        NtStatus status = ob.obReferenceObjectByHandle(handle, Event.EVENT_MODIFY_STATE, ob.types().event(), mode, object, null);
        if (status != STATUS_SUCCESS) return status;
        Event event = (Event) object.value;
        try {
            boolean previous = set ? event.set() : event.reset();
            if (previousState != null) previousState.value = previous ? 1 : 0;
            return STATUS_SUCCESS;
        } finally {
            ob.obDereferenceObject(event);
        }
    }
}
