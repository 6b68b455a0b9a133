package ntsection.mm;

import ntsection.nt.NtStatus;

import static ntsection.nt.NtStatus.STATUS_COMMITMENT_LIMIT;
import static ntsection.nt.NtStatus.STATUS_SUCCESS;

/**
 * The system-wide commit charge: every committed page of page-file-backed memory is
 * promised a frame when it is charged, so a later first touch can never run out. The
 * model has no page file, so the limit is the number of physical frames.
 */
public final class CommitCharge {
    private final long limit;
    private long charged;

    public CommitCharge(long limit) {
        this.limit = limit;
    }

    /** Charges {@code pages}, or changes nothing and returns STATUS_COMMITMENT_LIMIT. */
    public synchronized NtStatus charge(long pages) {
        if (pages < 0) throw new IllegalArgumentException("negative commit charge " + pages);
        if (pages > limit - charged) return STATUS_COMMITMENT_LIMIT;
        charged += pages;
        return STATUS_SUCCESS;
    }

    public synchronized void release(long pages) {
        if (pages < 0 || pages > charged) {
            throw new IllegalStateException("releasing " + pages + " pages of commit, only " + charged + " charged");
        }
        charged -= pages;
    }

    public synchronized long charged() {
        return charged;
    }

    public long limit() {
        return limit;
    }
}
