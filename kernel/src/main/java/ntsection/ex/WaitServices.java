package ntsection.ex;

import ntsection.ke.DispatcherObject;
import ntsection.ke.ProcessorMode;
import ntsection.ke.Wait;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ob.Access;
import ntsection.ob.KernelObject;
import ntsection.ob.ObjectManager;

import static ntsection.nt.NtStatus.*;

/**
 * NtWaitForSingleObject: the handle needs SYNCHRONIZE, the object must be one threads
 * can wait on. Alertable waits have no APCs to deliver in the model, so the flag only
 * travels along.
 */
public final class WaitServices {
    private final ObjectManager ob;

    public WaitServices(ObjectManager ob) {
        this.ob = ob;
    }

    public NtStatus waitForSingleObject(long handle, Long timeout, ProcessorMode mode) {
        Out<KernelObject> object = new Out<>();
        NtStatus status = ob.obReferenceObjectByHandle(handle, Access.SYNCHRONIZE, null, mode, object, null);
        if (status != STATUS_SUCCESS) return status;
        try {
            if (!(object.value instanceof DispatcherObject waitable)) return STATUS_OBJECT_TYPE_MISMATCH;
            return Wait.keWaitForSingleObject(waitable, timeout);
        } finally {
            ob.obDereferenceObject(object.value);
        }
    }
}
