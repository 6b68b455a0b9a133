package ntsection.vf;

import ntsection.ke.ProcessorMode;
import ntsection.ob.Handles;
import ntsection.ob.KernelObject;
import ntsection.ps.Process;
import ntsection.ps.ProcessManager;
import ntsection.ps.Thread;

/**
 * SV1 (kernel-handle), SV7 (no-user-handle) and the handle half of SV10
 * (physical-memory): what driver code does with handle values.
 * <ul>
 * <li>SV1: driver code references, with KernelMode access mode, an entry of a user
 *     process's table that driver code made itself: a section handle it made for its own
 *     use without OBJ_KERNEL_HANDLE, which the process can use or close too.</li>
 * <li>SV7: driver code references with KernelMode access mode (or closes in kernel
 *     mode) a handle it did not make: an entry of a user process's table that user mode
 *     made, or a kernel handle driver code did not make whose value came in the
 *     request's input bytes (a forged kernel handle value is the usual one).</li>
 * <li>SV10: a handle to \Device\PhysicalMemory lands in the table of a process whose
 *     token is not trusted, whoever put it there.</li>
 * </ul>
 */
final class HandleRules {
    private final HandleOrigins handles;
    private final Findings findings;

    HandleRules(HandleOrigins handles, Findings findings) {
        this.handles = handles;
        this.findings = findings;
    }

    /** A table entry was referenced by driver code in {@code request} (null: outside one). */
    void referenced(Thread thread, Request request, Process owner, long handle, KernelObject object,
                    ProcessorMode accessMode, StackTraceElement frame) {
        if (accessMode != ProcessorMode.KernelMode) return;
        judgeKernelModeUse(thread, request, owner, handle, object, frame, "referenced");
    }

    /** A table entry was closed by driver code in kernel mode. */
    void closed(Thread thread, Request request, Process owner, long handle, KernelObject object, StackTraceElement frame) {
        judgeKernelModeUse(thread, request, owner, handle, object, frame, "closed");
    }

    private void judgeKernelModeUse(Thread thread, Request request, Process owner, long handle, KernelObject object,
                                    StackTraceElement frame, String how) {
        boolean userTable = owner.id() != ProcessManager.SYSTEM_PROCESS_ID;
        long value = userTable ? handle : Handles.toKernelHandle(handle);
        String name = Findings.name(object);
        if (userTable) {
            HandleOrigins.Made made = handles.madeBy(owner, handle, object);
            // A handle the driver handed the caller, and the caller passed back, is the caller's word: SV7, below.
            boolean passedBack = made != null && handles.wasHandedOut(owner, handle) && request != null
                    && request.inputCarries(handle);
            if (made != null && !passedBack) {
                if (how.equals("referenced")) {
                    findings.report(Rule.SV1, "driver code made handle " + Handles.format(value) + " to " + name + " in "
                            + owner.describe() + "'s handle table, not as a kernel handle (OBJ_KERNEL_HANDLE), and "
                            + how + " it itself with KernelMode access mode: that process can find, use and close the"
                            + " same handle (made at " + made.frame() + ")", frame, thread, name);
                }
                return;
            }
            findings.report(Rule.SV7, "driver code " + how + " handle " + Handles.format(value) + " to " + name
                    + " with KernelMode access mode, a handle " + (made == null ? "user mode made" : "the caller passed in")
                    + " in " + owner.describe() + "'s table: no access check protects it, and the caller chose what it"
                    + " names", frame, thread, name);
            return;
        }
        // Driver code's own kernel handle is its own, even when the caller's input happens to hold the same value.
        if (request != null && request.inputCarries(value) && handles.madeBy(owner, handle, object) == null) {
            findings.report(Rule.SV7, "driver code " + how + " handle " + Handles.format(value) + " to " + name
                    + " with KernelMode access mode, and the value came from user mode in the request's input: a"
                    + " forged kernel handle reaches any kernel object", frame, thread, name);
        }
    }

    /** A handle entry was made, by anyone: SV10's handle half. */
    void inserted(Thread thread, Process owner, long handle, KernelObject object, StackTraceElement frame) {
        if (!SectionOrigins.isPhysicalMemory(object) || !untrusted(owner)) return;
        String name = Findings.name(object);
        findings.report(Rule.SV10, "a handle (" + Handles.format(handle) + ") to " + name + " went into the table of "
                + owner.describe() + ", whose token is not trusted: it can map any page frame, kernel secrets"
                + " included", frame, thread, name);
    }

    static boolean untrusted(Process process) {
        return process.id() != ProcessManager.SYSTEM_PROCESS_ID && !process.token().trusted();
    }
}
