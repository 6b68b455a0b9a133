package ntsection.mm;

import ntsection.nt.NtStatus;

import java.util.Arrays;

import static ntsection.nt.NtStatus.STATUS_SUCCESS;

/**
 * Private memory from NtAllocateVirtualMemory. A page's protection is 0 while it is
 * only reserved; a committed page is demand-zero and gets its frame on first touch.
 * Every committed page holds one page of the system commit charge, which promised
 * its frame; the charge goes back when the page is decommitted or released, and with
 * the range at process exit.
 */
final class PrivateVad extends Vad {
    private static final int NO_FRAME = -1;

    private final int[] frames;
    private final CommitCharge commitCharge;

    PrivateVad(long start, int pageCount, int allocationProtect, PhysicalMemory memory, CommitCharge commitCharge) {
        super(start, pageCount, allocationProtect, memory);
        this.commitCharge = commitCharge;
        this.frames = new int[pageCount];
        Arrays.fill(frames, NO_FRAME);
    }

    @Override
    boolean isCommitted(int page) {
        return protection[page] != 0;
    }

    @Override
    int type() {
        return PageProtection.MEM_PRIVATE;
    }

    @Override
    int frame(int page) {
        if (frames[page] == NO_FRAME) frames[page] = allocateFrame(memory);
        return frames[page];
    }

    /** Private pages are never copy-on-write: NtAllocateVirtualMemory and NtProtectVirtualMemory refuse WRITECOPY. */
    @Override
    int copyOnWrite(int page) {
        throw new IllegalStateException("private page with a copy-on-write protection");
    }

    /**
     * MEM_COMMIT of [first, first+count): only the pages not yet committed are charged,
     * so re-committing costs nothing and just sets the protection. When the charge does
     * not fit nothing changes and the status is STATUS_COMMITMENT_LIMIT.
     */
    NtStatus commit(int first, int count, int protect) {
        int uncommitted = 0;
        for (int page = first; page < first + count; page++) if (!isCommitted(page)) uncommitted++;
        NtStatus charged = commitCharge.charge(uncommitted);
        if (charged != STATUS_SUCCESS) return charged;
        Arrays.fill(protection, first, first + count, protect);
        return STATUS_SUCCESS;
    }

    /** MEM_DECOMMIT: the pages go back to reserved, their frames to the free list and their charge to the system. */
    void decommit(int first, int count) {
        int given = 0;
        for (int page = first; page < first + count; page++) {
            if (protection[page] != 0) given++;
            protection[page] = 0;
            if (frames[page] != NO_FRAME) {
                memory.release(frames[page]);
                frames[page] = NO_FRAME;
            }
        }
        commitCharge.release(given);
    }

    /**
     * The pages [first, first+count) as a VAD of their own, for a partial MEM_RELEASE.
     * Their frames and commit charge move to the piece; here they are left reserved, so
     * releasing this range afterwards gives back only what was not moved.
     */
    PrivateVad slice(int first, int count) {
        PrivateVad piece = new PrivateVad(start + ((long) first << PageProtection.PAGE_SHIFT), count, allocationProtect,
                memory, commitCharge);
        System.arraycopy(protection, first, piece.protection, 0, count);
        System.arraycopy(frames, first, piece.frames, 0, count);
        Arrays.fill(protection, first, first + count, 0);
        Arrays.fill(frames, first, first + count, NO_FRAME);
        return piece;
    }

    @Override
    void release() {
        decommit(0, pageCount());
    }
}
