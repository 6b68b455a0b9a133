package ntsection.mm;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * A mapped view: a window on a control area's pages starting at {@code firstPage}.
 * Shared pages come from the control area, so every view of the section sees every
 * write; a copy-on-write page that was written has a frame of its own here, seen by
 * nobody else. Commitment of a SEC_RESERVE section is section-wide, so it is asked of
 * the control area, and a page with a private copy is committed by definition.
 */
final class ViewVad extends Vad {
    private static final int NO_FRAME = -1;

    final ControlArea controlArea;
    final int firstPage;
    /** SEC_NO_CHANGE: the view's protection is fixed and user mode may not unmap it. */
    final boolean noChange;
    private int[] copies;

    ViewVad(long start, int pageCount, int protect, ControlArea controlArea, int firstPage, boolean noChange,
            PhysicalMemory memory) {
        super(start, pageCount, protect, memory);
        this.controlArea = controlArea;
        this.firstPage = firstPage;
        this.noChange = noChange;
        Arrays.fill(protection, protect);
    }

    @Override
    boolean isCommitted(int page) {
        return hasCopy(page) || controlArea.isCommitted(firstPage + page);
    }

    @Override
    int type() {
        return PageProtection.MEM_MAPPED;
    }

    private boolean hasCopy(int page) {
        return copies != null && copies[page] != NO_FRAME;
    }

    @Override
    int frame(int page) {
        if (hasCopy(page)) return copies[page];
        int frame = controlArea.frameOf(firstPage + page);
        if (frame >= 0) return frame;
        controlArea.page(firstPage + page);
        return controlArea.frameOf(firstPage + page);
    }

    @Override
    int copyOnWrite(int page) {
        if (hasCopy(page)) return copies[page];
        if (copies == null) {
            copies = new int[pageCount()];
            Arrays.fill(copies, NO_FRAME);
        }
        int copy = allocateFrame(memory);
        int shared = controlArea.frameOf(firstPage + page);
        if (shared >= 0) {
            MemorySegment ram = memory.segment();
            MemorySegment.copy(ram, (long) shared << PageProtection.PAGE_SHIFT, ram,
                    (long) copy << PageProtection.PAGE_SHIFT, PageProtection.PAGE_SIZE);
        }
        copies[page] = copy;
        return copy;
    }

    @Override
    void release() {
        if (copies != null) {
            for (int frame : copies) if (frame != NO_FRAME) memory.release(frame);
            copies = null;
        }
        controlArea.viewUnmapped();
    }
}
