package ntsection.mm;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * A mapped view: a window on a control area's pages starting at {@code firstPage}.
 * Shared pages come from the control area, so every view of the section sees every
 * write; a copy-on-write page that was written has a frame of its own here, seen by
 * nobody else. Commitment of a SEC_RESERVE section is section-wide, so it is asked of
 * the control area. Once a page resolves to a shared frame the view remembers it: a
 * committed page is never decommitted and its frame stays while any view does, so the
 * access path skips the control area's lock from then on.
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

    ViewVad(long start, int pageCount, int protect, ControlArea controlArea, int firstPage, boolean noChange,
            PhysicalMemory memory) {
        super(start, pageCount, protect, memory);
        this.controlArea = controlArea;
        this.firstPage = firstPage;
        this.noChange = noChange;
        this.frames = new int[pageCount];
        Arrays.fill(protection, protect);
        Arrays.fill(frames, NO_FRAME);
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
        frame = controlArea.frameOf(firstPage + page);
        if (frame < 0) {
            controlArea.page(firstPage + page);
            frame = controlArea.frameOf(firstPage + page);
        }
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
        controlArea.viewUnmapped();
    }
}
