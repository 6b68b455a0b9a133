package ntsection.mm;

import ntsection.nt.NtStatus;

import static ntsection.nt.NtStatus.STATUS_COMMITMENT_LIMIT;
import static ntsection.nt.NtStatus.STATUS_SUCCESS;

/**
 * The system-wide commit charge: every page that may later need a frame of its own (a
 * committed section page, a committed private page, the private copy a copy-on-write
 * view page may take) is promised that frame when it is charged, so a later first
 * touch or copy can never run out. The model has no page file, so the limit is the
 * number of physical frames; a request that does not fit is STATUS_COMMITMENT_LIMIT.
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
