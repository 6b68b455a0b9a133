package ntsection.ex;

import ntsection.ke.CurrentThread;
import ntsection.ke.ProcessorMode;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ob.KernelObject;
import ntsection.ob.ObjectAttributes;
import ntsection.ob.ObjectManager;

import static ntsection.nt.NtStatus.*;

/** NtCreateMutant and NtReleaseMutant. */
public final class MutantServices {
    private final ObjectManager ob;

    public MutantServices(ObjectManager ob) {
        this.ob = ob;
    }

    public NtStatus create(LongOut handle, int desiredAccess, ObjectAttributes attributes, boolean initialOwner,
                           ProcessorMode mode) {
        Out<ObjectAttributes> captured = new Out<>();
        NtStatus status = ob.captureAttributes(attributes, mode, captured);
        if (status != STATUS_SUCCESS) return status;
        Mutant mutant = ob.obCreateObject(new Mutant(ob.types().mutant(), initialOwner ? CurrentThread.get() : null));
        return ob.obInsertObject(mutant, captured.value, desiredAccess, mode, handle);
    }

    /** Releasing needs no access right: ownership is the check. */
    public NtStatus release(long handle, LongOut previousCount, ProcessorMode mode) {
        Out<KernelObject> object = new Out<>();
        NtStatus status = ob.obReferenceObjectByHandle(handle, 0, ob.types().mutant(), mode, object, null);
        if (status != STATUS_SUCCESS) return status;
        Mutant mutant = (Mutant) object.value;
        try {
            int[] previous = new int[1];
            status = mutant.release(CurrentThread.get(), previous);
            if (status == STATUS_SUCCESS && previousCount != null) previousCount.value = previous[0];
            return status;
        } finally {
            ob.obDereferenceObject(mutant);
        }
    }
}
