package ntsection.ob;

import ntsection.ke.ProcessorMode;
import ntsection.nt.NtStatus;

import static ntsection.nt.NtStatus.*;

/**
 * The security check made when a handle is opened to an existing object. The model's
 * objects carry the default security of NT's named objects: every valid right to
 * everyone. What remains to refuse is what NT refuses regardless of the DACL: an open
 * asking for no access at all, ACCESS_SYSTEM_SECURITY (SeSecurityPrivilege is never
 * held) and a kernel-only name. Kernel-mode probes skip it, as SeAccessCheck does.
 */
final class AccessCheck {
    private AccessCheck() {
    }

    static NtStatus check(KernelObject object, int grantedAccess, ProcessorMode probeMode) {
        if (probeMode == ProcessorMode.KernelMode) return STATUS_SUCCESS;
        if (object.kernelExclusive) return STATUS_ACCESS_DENIED;
        if (grantedAccess == 0) return STATUS_ACCESS_DENIED;
        if ((grantedAccess & Access.ACCESS_SYSTEM_SECURITY) != 0) return STATUS_ACCESS_DENIED;
        return STATUS_SUCCESS;
    }
}
