package ntsection.ke;

import ntsection.nt.NtStatus;

/**
 * An NT exception raised in a simulated thread: a memory fault (with the faulting
 * address and whether the access was a write) or an explicit ExRaiseStatus. Only
 * {@link Seh} frames catch it; one that leaves kernel code unhandled bug-checks the
 * system ({@link ExceptionDispatch}). No Java stack is captured: faults are frequent
 * in attack runs and the model's own record (code, address, access) is what matters.
 */
public final class NtException extends RuntimeException {
    /** EXCEPTION_RECORD.ExceptionInformation[0] for an access violation. */
    public static final int READ = 0;
    public static final int WRITE = 1;
    /** A raised status that is not a memory fault carries no access type. */
    public static final int NONE = -1;

    private final NtStatus status;
    private final long address;
    private final int access;

    public NtException(NtStatus status, long address, int access) {
        super(null, null, false, false);
        this.status = status;
        this.address = address;
        this.access = access;
    }

    /** A memory fault at {@code address}. */
    public static NtException fault(NtStatus status, long address, boolean write) {
        return new NtException(status, address, write ? WRITE : READ);
    }

    public NtStatus status() {
        return status;
    }

    /** GetExceptionCode(). */
    public int code() {
        return status.code();
    }

    /** The faulting virtual address; 0 for a raised status. */
    public long address() {
        return address;
    }

    /** READ, WRITE, or NONE for a raised status. */
    public int access() {
        return access;
    }

    public boolean isMemoryFault() {
        return access != NONE;
    }

    @Override
    public String getMessage() {
        if (!isMemoryFault()) return status.describe();
        return String.format("%s %s at 0x%X", status.describe(), access == WRITE ? "writing" : "reading", address);
    }
}
