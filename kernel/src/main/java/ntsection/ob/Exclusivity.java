package ntsection.ob;

import ntsection.nt.NtStatus;
import ntsection.ps.Process;

import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Attributes.OBJ_EXCLUSIVE;
import static ntsection.ob.Attributes.OBJ_INHERIT;

/**
 * The OBJ_EXCLUSIVE rule NT applies to every new handle, whatever the processor mode
 * (ObpIncrementHandleCount): an object created exclusive belongs, while it has
 * handles, to the process that holds them; an exclusive handle may be added only by
 * that process, or by anyone once no handle is left; a non-exclusive handle never
 * while an owner exists.
 */
final class Exclusivity {
    private Exclusivity() {
    }

    static NtStatus check(KernelObject object, int attributes, Process receiver) {
        Object owner = object.exclusiveOwner;
        if ((attributes & OBJ_EXCLUSIVE) == 0) return object.exclusive && owner != null ? STATUS_ACCESS_DENIED : STATUS_SUCCESS;
        if ((attributes & OBJ_INHERIT) != 0 || !object.exclusive) return STATUS_INVALID_PARAMETER;
        boolean refused = owner == null ? object.handleCount != 0 : owner != receiver;
        return refused ? STATUS_ACCESS_DENIED : STATUS_SUCCESS;
    }
}
