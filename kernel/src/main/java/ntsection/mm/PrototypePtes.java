package ntsection.mm;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * A segment's page slots (NT's prototype PTEs): for each page, reserved, committed,
 * or committed with a frame. Slots live in 512-page chunks made on first change, so a
 * large SEC_RESERVE section costs nothing until pages of it are committed.
 */
final class PrototypePtes {
    private static final int CHUNK_SHIFT = 9;
    private static final int CHUNK_PAGES = 1 << CHUNK_SHIFT;
    private static final int RESERVED = -2;
    private static final int COMMITTED_NO_FRAME = -1;

    private final int pageCount;
    private final int initialState;
    private final int[][] chunks;
    private int committedPages;

    PrototypePtes(int pageCount, boolean committedAtStart) {
        this.pageCount = pageCount;
        this.initialState = committedAtStart ? COMMITTED_NO_FRAME : RESERVED;
        this.chunks = new int[(pageCount + CHUNK_PAGES - 1) >>> CHUNK_SHIFT][];
        this.committedPages = committedAtStart ? pageCount : 0;
    }

    int pageCount() {
        return pageCount;
    }

    int committedPages() {
        return committedPages;
    }

    boolean isCommitted(int page) {
        return slot(page) != RESERVED;
    }

    /** The frame behind a page, or -1 when it has none. */
    int frame(int page) {
        return Math.max(slot(page), -1);
    }

    /** How many pages of [first, first+count) are not committed yet. */
    int reservedIn(int first, int count) {
        int reserved = 0;
        for (int page = first; page < first + count; page++) {
            if (!isCommitted(page)) reserved++;
        }
        return reserved;
    }

    void commit(int first, int count) {
        for (int page = first; page < first + count; page++) {
            if (!isCommitted(page)) {
                set(page, COMMITTED_NO_FRAME);
                committedPages++;
            }
        }
    }

    void setFrame(int page, int frame) {
        set(page, frame);
    }

    /** Each frame the segment holds, once. */
    void forEachFrame(IntConsumer action) {
        for (int[] chunk : chunks) {
            if (chunk == null) continue;
            for (int slot : chunk) {
                if (slot >= 0) action.accept(slot);
            }
        }
    }

    private int slot(int page) {
        int[] chunk = chunks[page >>> CHUNK_SHIFT];
        return chunk == null ? initialState : chunk[page & (CHUNK_PAGES - 1)];
    }

    private void set(int page, int value) {
        int index = page >>> CHUNK_SHIFT;
        if (chunks[index] == null) {
            chunks[index] = new int[CHUNK_PAGES];
            Arrays.fill(chunks[index], initialState);
        }
        chunks[index][page & (CHUNK_PAGES - 1)] = value;
    }
}
