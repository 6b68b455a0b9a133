package ntsection.vf;

import ntsection.ps.Process;
import ntsection.ps.Thread;

import java.util.ArrayList;
import java.util.List;

/**
 * SV5 (guarded-access) and SV6 (validate): driver code's own loads and stores through
 * user-range addresses, in kernel mode, in the context of a process other than System
 * (no user-mode code runs in System, so nothing there can change or unmap under the
 * driver). Accesses the executive makes for the driver (the I/O manager copying a
 * buffered request in and out, probing, locking pages) are not the driver's and are
 * left out; so are accesses to a view the driver mapped and kept to itself (SV2's
 * business).
 * <ul>
 * <li>SV5: such an access outside every try/except of the thread (guard depth 0), told
 *     before the address is translated, so the access that faults is flagged too.</li>
 * <li>SV6: a read that overlaps, by a byte or more, a read driver code made earlier for
 *     the same request in the same process: the value can have changed in between.</li>
 * </ul>
 */
final class AccessRules {
    /** A read driver code made for a request: {@code [from, to)} of {@code process}'s user range. */
    record Read(Process process, long from, long to, StackTraceElement frame) {
        boolean overlaps(Process other, long start, long end) {
            return process == other && Long.compareUnsigned(start, to) < 0 && Long.compareUnsigned(from, end) < 0;
        }
    }

    private final ViewRules views;
    private final Findings findings;

    AccessRules(ViewRules views, Findings findings) {
        this.views = views;
        this.findings = findings;
    }

    void access(Thread thread, Calls.Call call, long address, long length, boolean write, StackTraceElement frame) {
        Process process = thread.currentProcess();
        ViewRules.TrackedView view = views.find(process, address);
        if (view != null && (view.state == ViewRules.State.PRIVATE || view.state == ViewRules.State.KERNEL)) return;
        String object = view != null ? view.name() : "user range of " + process.describe();
        String what = (write ? "write of " : "read of ") + length + " byte" + (length == 1 ? "" : "s") + " at 0x"
                + Long.toHexString(address);
        List<Violation> found = new ArrayList<>(2);
        if (thread.guardDepth() == 0) {
            found.add(Findings.make(Rule.SV5, "kernel-mode " + what + " in " + process.describe() + "'s user range"
                    + " outside any try/except: if user mode unmaps or reprotects it first, the fault stops the"
                    + " system", frame, thread, object));
        }
        Request request = Calls.openRequest(call);
        if (!write && request != null) {
            long end = address + length;
            for (Read earlier : request.reads) {
                if (!earlier.overlaps(process, address, end)) continue;
                found.add(Findings.make(Rule.SV6, "driver code made a second " + what + " in " + process.describe()
                        + "'s user range for one request: it already read 0x" + Long.toHexString(earlier.from())
                        + "..0x" + Long.toHexString(earlier.to()) + " at " + earlier.frame() + ", and user mode can"
                        + " change the value in between: capture it once and use the copy", frame, thread, object));
                break;
            }
            request.reads.add(new Read(process, address, end, frame));
        }
        if (found.isEmpty()) return;
        if (view != null && view.state == ViewRules.State.PENDING) view.deferred.addAll(found);
        else found.forEach(findings::add);
    }
}
