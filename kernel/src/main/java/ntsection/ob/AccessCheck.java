package ntsection.ob;

import ntsection.ke.CurrentThread;
import ntsection.ke.ProcessorMode;
import ntsection.nt.NtStatus;
import ntsection.ps.Process;
import ntsection.ps.Thread;

import static ntsection.nt.NtStatus.*;

/**
 * The security check made when a handle is opened to an existing object. The model's
 * objects carry the default security of NT's named objects: every valid right to
 * everyone. What remains to refuse is what NT refuses regardless of the DACL: an open
 * asking for no access at all, ACCESS_SYSTEM_SECURITY (SeSecurityPrivilege is never
 * held) and a kernel-only name. Processes and threads are the exception: like NT's,
 * their DACL admits only their own user, SYSTEM, and administrators (trusted tokens,
 * standing in for SeDebugPrivilege) except on the System process itself. Without it an
 * untrusted process could open System with PROCESS_DUP_HANDLE and copy every kernel
 * handle out. Kernel-mode probes skip the check, as SeAccessCheck does.
 */
final class AccessCheck {
    private AccessCheck() {
    }

    static NtStatus check(KernelObject object, int grantedAccess, ProcessorMode probeMode) {
        if (probeMode == ProcessorMode.KernelMode) return STATUS_SUCCESS;
        if (object.kernelExclusive) return STATUS_ACCESS_DENIED;
        if (grantedAccess == 0) return STATUS_ACCESS_DENIED;
        if ((grantedAccess & Access.ACCESS_SYSTEM_SECURITY) != 0) return STATUS_ACCESS_DENIED;
        Process target = object instanceof Thread thread ? thread.process() : object instanceof Process process ? process : null;
        if (target != null && !mayOpen(CurrentThread.get().currentProcess(), target)) return STATUS_ACCESS_DENIED;
        return STATUS_SUCCESS;
    }

    private static boolean mayOpen(Process requester, Process target) {
        if (requester.token().user().equals(target.token().user())) return true;
        return requester.token().trusted() && !target.token().isSystem();
    }
}
