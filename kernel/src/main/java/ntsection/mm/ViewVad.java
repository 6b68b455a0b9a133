package ntsection.mm;

import ntsection.nt.NtStatus;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

import static ntsection.nt.NtStatus.STATUS_SUCCESS;

/**
 * A mapped view: a window on a control area's pages starting at {@code firstPage}.
 * Shared pages come from the control area, so every view of the section sees every
 * write; a copy-on-write page that was written has a frame of its own here, seen by
 * nobody else. Commitment of a SEC_RESERVE section is section-wide, so it is asked of
 * the control area. Once a page resolves to a shared frame the view remembers it: a
 * committed page is never decommitted and its frame stays while any view does, so the
 * access path skips the control area's lock from then on.
 *
 * Copy-on-write commit: NT charges commit for a copy-on-write view's pages when the
 * view is mapped (MiMapViewOfSection), not at the first write, so that the write that
 * copies a page can never fail for want of memory. The model does the same, and also
 * charges pages that become copy-on-write later (NtProtectVirtualMemory, a commit with
 * a WRITECOPY protection), each page at most once; the charge goes with the view.
 *
 * A view of a SEC_NOCACHE section carries PAGE_NOCACHE in its map-time and current
 * protections, as NtQueryVirtualMemory and NtProtectVirtualMemory report them.
 */
final class ViewVad extends Vad {
    private static final int NO_FRAME = -1;

    final ControlArea controlArea;
    final int firstPage;
    /** SEC_NO_CHANGE: the view's protection is fixed and user mode may not unmap it. */
    final boolean noChange;
    /** The frame each page resolves to (shared or this view's copy), NO_FRAME until first resolved. */
    private final int[] frames;
    private boolean[] copied;
    private final CommitCharge commitCharge;
    /** PAGE_NOCACHE for a SEC_NOCACHE section's view, else 0: added to every protection the view takes. */
    private final int cacheModifier;
    /** Pages whose private copy is already paid for; null until the first. */
    private boolean[] copyCharged;
    private int copyChargedPages;

    /**
     * A view whose copy-on-write charge, when {@code protect} is copy-on-write, the
     * caller has already taken for every page ({@link #copyOnWriteCharge}).
     */
    ViewVad(long start, int pageCount, int protect, int cacheModifier, ControlArea controlArea, int firstPage,
            boolean noChange, PhysicalMemory memory, CommitCharge commitCharge) {
        super(start, pageCount, protect | cacheModifier, memory);
        this.controlArea = controlArea;
        this.firstPage = firstPage;
        this.noChange = noChange;
        this.commitCharge = commitCharge;
        this.cacheModifier = cacheModifier;
        this.frames = new int[pageCount];
        Arrays.fill(protection, protect | cacheModifier);
        Arrays.fill(frames, NO_FRAME);
        if (ProtectionMask.isWriteCopy(protect)) markCopyCharged(0, pageCount);
    }

    /** The commit a new view of {@code pages} pages mapped with {@code protect} must be charged before it is made. */
    static long copyOnWriteCharge(int protect, long pages) {
        return ProtectionMask.isWriteCopy(protect) ? pages : 0;
    }

    /**
     * NtProtectVirtualMemory on pages [first, first+count), already validated: a
     * copy-on-write protection charges the pages not yet charged, or changes nothing
     * and returns STATUS_COMMITMENT_LIMIT.
     */
    NtStatus protect(int first, int count, int newProtect) {
        long charge = ProtectionMask.isWriteCopy(newProtect) ? unchargedCopies(first, count) : 0;
        NtStatus status = commitCharge.charge(charge);
        if (status != STATUS_SUCCESS) return status;
        if (charge > 0) markCopyCharged(first, count);
        Arrays.fill(protection, first, first + count, newProtect | cacheModifier);
        return STATUS_SUCCESS;
    }

    /**
     * MEM_COMMIT on pages [first, first+count): the section's pages are committed
     * section-wide and these pages take {@code protect}. Both charges (the section's
     * pages, and the private copies of a copy-on-write protection) are taken before
     * anything changes; when either does not fit, nothing changes and the status is
     * STATUS_COMMITMENT_LIMIT.
     */
    NtStatus commit(int first, int count, int protect) {
        long charge = ProtectionMask.isWriteCopy(protect) ? unchargedCopies(first, count) : 0;
        NtStatus status = commitCharge.charge(charge);
        if (status != STATUS_SUCCESS) return status;
        status = controlArea.commit(firstPage + first, count);
        if (status != STATUS_SUCCESS) {
            commitCharge.release(charge);
            return status;
        }
        if (charge > 0) markCopyCharged(first, count);
        Arrays.fill(protection, first, first + count, protect | cacheModifier);
        return STATUS_SUCCESS;
    }

    private int unchargedCopies(int first, int count) {
        if (copyCharged == null) return count;
        int uncharged = 0;
        for (int page = first; page < first + count; page++) if (!copyCharged[page]) uncharged++;
        return uncharged;
    }

    private void markCopyCharged(int first, int count) {
        if (copyCharged == null) copyCharged = new boolean[pageCount()];
        for (int page = first; page < first + count; page++) {
            if (!copyCharged[page]) {
                copyCharged[page] = true;
                copyChargedPages++;
            }
        }
    }

    @Override
    boolean isCommitted(int page) {
        return frames[page] != NO_FRAME || controlArea.isCommitted(firstPage + page);
    }

    @Override
    int type() {
        return PageProtection.MEM_MAPPED;
    }

    private boolean isCopy(int page) {
        return copied != null && copied[page];
    }

    @Override
    int frame(int page) {
        int frame = frames[page];
        if (frame != NO_FRAME) return frame;
        frame = controlArea.frameNumber(firstPage + page);
        frames[page] = frame;
        return frame;
    }

    @Override
    int copyOnWrite(int page) {
        if (isCopy(page)) return frames[page];
        if (copied == null) copied = new boolean[pageCount()];
        int copy = allocateFrame(memory);
        int shared = frames[page] != NO_FRAME ? frames[page] : controlArea.frameOf(firstPage + page);
        // A shared page never touched is all zeros, which the new frame already is.
        if (shared >= 0) {
            MemorySegment ram = memory.segment();
            MemorySegment.copy(ram, (long) shared << PageProtection.PAGE_SHIFT, ram,
                    (long) copy << PageProtection.PAGE_SHIFT, PageProtection.PAGE_SIZE);
        }
        frames[page] = copy;
        copied[page] = true;
        return copy;
    }

    @Override
    void release() {
        if (copied != null) {
            for (int page = 0; page < copied.length; page++) if (copied[page]) memory.release(frames[page]);
            copied = null;
        }
        commitCharge.release(copyChargedPages);
        copyChargedPages = 0;
        copyCharged = null;
        controlArea.viewUnmapped();
    }
}
