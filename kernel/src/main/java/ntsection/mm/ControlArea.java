package ntsection.mm;

import ntsection.nt.NtStatus;

import java.lang.foreign.MemorySegment;

import static ntsection.nt.NtStatus.STATUS_SUCCESS;

/**
 * A section's pages (NT's control area and segment): what every view of the section
 * shares, across processes. It lives while the section object or any view does; the
 * section object's name and handles may be gone long before. Pages are demand-zero:
 * a committed page gets its frame on first touch, and its frame was promised by the
 * commit charge taken when the page was committed. A physical-memory control area
 * maps page N to frame N, owns no frames and charges no commit.
 */
public final class ControlArea {
    private final PhysicalMemory memory;
    private final CommitCharge commitCharge;
    private final int pageCount;
    private final PrototypePtes ptes;
    private final boolean physical;
    private boolean sectionAlive = true;
    private int mappedViews;
    private boolean released;

    private ControlArea(PhysicalMemory memory, CommitCharge commitCharge, int pageCount, boolean committedAtStart,
                        boolean physical) {
        this.memory = memory;
        this.commitCharge = commitCharge;
        this.pageCount = pageCount;
        this.physical = physical;
        this.ptes = physical ? null : new PrototypePtes(pageCount, committedAtStart);
    }

    /**
     * A page-file-backed segment: SEC_COMMIT commits every page now, SEC_RESERVE none.
     * For SEC_COMMIT the creator has already charged {@code pageCount} pages to
     * {@code commitCharge}; the control area owns that charge from here on and gives
     * back whatever is committed when it is released.
     */
    public static ControlArea pageFileBacked(PhysicalMemory memory, CommitCharge commitCharge, int pageCount, boolean commit) {
        return new ControlArea(memory, commitCharge, pageCount, commit, false);
    }

    /** \Device\PhysicalMemory: every frame, always committed. */
    public static ControlArea physicalMemory(PhysicalMemory memory) {
        return new ControlArea(memory, null, memory.frameCount(), true, true);
    }

    public int pageCount() {
        return pageCount;
    }

    public boolean isPhysicalMemory() {
        return physical;
    }

    public synchronized boolean isCommitted(int page) {
        return physical || ptes.isCommitted(page);
    }

    /**
     * Commits pages [first, first+count) section-wide, so every view sees them. Pages
     * already committed cost nothing; the rest are charged first, and when the charge
     * does not fit nothing changes and the status is STATUS_COMMITMENT_LIMIT.
     */
    public synchronized NtStatus commit(int first, int count) {
        if (first < 0 || count < 0 || count > pageCount - first) {
            throw new IndexOutOfBoundsException("pages [" + first + ", " + first + "+" + count + ") of a " + pageCount + "-page section");
        }
        if (physical) return STATUS_SUCCESS;
        NtStatus charged = commitCharge.charge(ptes.reservedIn(first, count));
        if (charged != STATUS_SUCCESS) return charged;
        ptes.commit(first, count);
        return STATUS_SUCCESS;
    }

    public synchronized int committedPages() {
        return physical ? pageCount : ptes.committedPages();
    }

    /** The 4 KiB behind a committed page, materialized (zeroed) on first touch. */
    public MemorySegment page(int page) {
        return memory.frame(frameNumber(page));
    }

    /**
     * The frame behind a committed page, materialized (zeroed) on first touch: one trip
     * through the monitor for the access path. The page's commit charge promised the
     * frame, so running out here is a broken invariant, not a status.
     */
    public synchronized int frameNumber(int page) {
        if (physical) return page;
        if (released) throw new IllegalStateException("the section's pages were released");
        if (!ptes.isCommitted(page)) throw new IllegalStateException("page " + page + " of the section is not committed");
        int frame = ptes.frame(page);
        if (frame < 0) {
            frame = Vad.allocateFrame(memory);
            ptes.setFrame(page, frame);
        }
        return frame;
    }

    /** The frame behind a page, or -1 while it has never been touched. */
    public synchronized int frameOf(int page) {
        return physical ? page : ptes.frame(page);
    }

    public synchronized void viewMapped() {
        mappedViews++;
    }

    public synchronized void viewUnmapped() {
        mappedViews--;
        releaseIfUnused();
    }

    public synchronized int mappedViews() {
        return mappedViews;
    }

    /** The section object was deleted (its last handle and reference went). */
    public synchronized void sectionDeleted() {
        sectionAlive = false;
        releaseIfUnused();
    }

    public synchronized boolean isReleased() {
        return released;
    }

    private void releaseIfUnused() {
        if (sectionAlive || mappedViews > 0 || released) return;
        released = true;
        if (physical) return;
        ptes.forEachFrame(memory::release);
        commitCharge.release(ptes.committedPages());
    }
}
