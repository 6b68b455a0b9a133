package ntsection.ob;

import ntsection.ke.ProcessorMode;
import ntsection.nt.NtStatus;
import ntsection.ps.Process;

import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Attributes.*;

/**
 * The security check made when a handle is opened to an existing object. The model's
 * objects carry the default security of NT's named objects: every valid right to
 * everyone. What remains to refuse is what NT refuses regardless of the DACL: an open
 * asking for no access at all, ACCESS_SYSTEM_SECURITY (SeSecurityPrivilege is never
 * held), a kernel-only name, and the OBJ_EXCLUSIVE rules. Kernel-mode probes skip the
 * security part, as SeAccessCheck does for them.
 */
final class AccessCheck {
    private AccessCheck() {
    }

    static NtStatus check(KernelObject object, int grantedAccess, ProcessorMode probeMode, int attributes, Process requester) {
        if ((attributes & OBJ_EXCLUSIVE) != 0) {
            if (object.exclusiveOwner == null || (attributes & OBJ_INHERIT) != 0) return STATUS_INVALID_PARAMETER;
            if (object.exclusiveOwner != requester) return STATUS_ACCESS_DENIED;
        } else if (object.exclusiveOwner != null) {
            return STATUS_ACCESS_DENIED;
        }
        if (probeMode == ProcessorMode.KernelMode) return STATUS_SUCCESS;
        if (object.kernelExclusive) return STATUS_ACCESS_DENIED;
        if (grantedAccess == 0) return STATUS_ACCESS_DENIED;
        if ((grantedAccess & Access.ACCESS_SYSTEM_SECURITY) != 0) return STATUS_ACCESS_DENIED;
        return STATUS_SUCCESS;
    }
}
