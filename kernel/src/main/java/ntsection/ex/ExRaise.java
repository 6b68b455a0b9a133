package ntsection.ex;

import ntsection.ke.NtException;
import ntsection.nt.NtStatus;

/** ExRaiseStatus and the two raises the probe routines use. */
public final class ExRaise {
    private ExRaise() {
    }

    public static NtException exRaiseStatus(NtStatus status) {
        throw new NtException(status, 0, NtException.NONE);
    }

    public static NtException exRaiseAccessViolation() {
        throw exRaiseStatus(NtStatus.STATUS_ACCESS_VIOLATION);
    }

    public static NtException exRaiseDatatypeMisalignment() {
        throw exRaiseStatus(NtStatus.STATUS_DATATYPE_MISALIGNMENT);
    }
}
