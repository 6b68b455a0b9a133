package ntsection.mm;

import ntsection.ex.ExRaise;
import ntsection.ke.ProcessorMode;
import ntsection.nt.NtStatus;

/**
 * The probe-and-capture step of a memory service's output pointers. A user-mode
 * caller's pointers are probed inside the service's own try/except, so a missing one
 * comes back as STATUS_ACCESS_VIOLATION. A kernel caller's are trusted and unprobed:
 * the write through NULL raises in the caller, whose own frames decide what happens.
 */
final class OutputCapture {
    private OutputCapture() {
    }

    static NtStatus capture(ProcessorMode mode, Object... outputs) {
        for (Object output : outputs) {
            if (output != null) continue;
            if (mode == ProcessorMode.UserMode) return NtStatus.STATUS_ACCESS_VIOLATION;
            throw ExRaise.exRaiseAccessViolation();
        }
        return NtStatus.STATUS_SUCCESS;
    }
}
