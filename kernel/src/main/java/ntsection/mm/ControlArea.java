package ntsection.mm;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.BitSet;

/**
 * A section's pages (NT's control area and segment): what every view of the section
 * shares, across processes. It lives while the section object or any view does; the
 * section object's name and handles may be gone long before. Pages are demand-zero:
 * a committed page gets its frame on first touch. A physical-memory control area maps
 * page N to frame N and owns no frames.
 */
public final class ControlArea {
    private static final int NO_FRAME = -1;

    private final PhysicalMemory memory;
    private final int pageCount;
    private final int[] frames;
    private final BitSet committed;
    private final boolean physical;
    private boolean sectionAlive = true;
    private int mappedViews;
    private boolean released;

    private ControlArea(PhysicalMemory memory, int pageCount, boolean committedAtStart, boolean physical) {
        this.memory = memory;
        this.pageCount = pageCount;
        this.physical = physical;
        this.frames = physical ? null : new int[pageCount];
        if (frames != null) Arrays.fill(frames, NO_FRAME);
        this.committed = new BitSet(pageCount);
        if (committedAtStart) committed.set(0, pageCount);
    }

    /** A page-file-backed segment: SEC_COMMIT commits every page now, SEC_RESERVE none. */
    public static ControlArea pageFileBacked(PhysicalMemory memory, int pageCount, boolean commit) {
        return new ControlArea(memory, pageCount, commit, false);
    }

    /** \Device\PhysicalMemory: every frame, always committed. */
    public static ControlArea physicalMemory(PhysicalMemory memory) {
        return new ControlArea(memory, memory.frameCount(), true, true);
    }

    public int pageCount() {
        return pageCount;
    }

    public boolean isPhysicalMemory() {
        return physical;
    }

    public synchronized boolean isCommitted(int page) {
        return committed.get(page);
    }

    /** Commits pages [first, first+count): section-wide, so every view sees them. */
    public synchronized void commit(int first, int count) {
        committed.set(first, first + count);
    }

    public synchronized int committedPages() {
        return committed.cardinality();
    }

    /** The 4 KiB behind a committed page, materialized (zeroed) on first touch. */
    public synchronized MemorySegment page(int page) {
        if (physical) return memory.frame(page);
        if (!committed.get(page)) throw new IllegalStateException("page " + page + " of the section is not committed");
        if (frames[page] == NO_FRAME) {
            int frame = memory.allocate();
            if (frame < 0) throw new IllegalStateException("physical memory exhausted: commit accounting let too much through");
            frames[page] = frame;
        }
        return memory.frame(frames[page]);
    }

    /** The frame behind a page, or -1 while it has never been touched. */
    public synchronized int frameOf(int page) {
        return physical ? page : frames[page];
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
        for (int i = 0; i < pageCount; i++) {
            if (frames[i] != NO_FRAME) {
                memory.release(frames[i]);
                frames[i] = NO_FRAME;
            }
        }
    }
}
