package ntsection.mm;

import java.util.Arrays;

/**
 * Private memory from NtAllocateVirtualMemory. A page's protection is 0 while it is
 * only reserved; a committed page is demand-zero and gets its frame on first touch.
 */
final class PrivateVad extends Vad {
    private static final int NO_FRAME = -1;

    private final int[] frames;

    PrivateVad(long start, int pageCount, int allocationProtect, PhysicalMemory memory) {
        super(start, pageCount, allocationProtect, memory);
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

    void commit(int first, int count, int protect) {
        Arrays.fill(protection, first, first + count, protect);
    }

    /** MEM_DECOMMIT: the pages go back to reserved and their frames to the free list. */
    void decommit(int first, int count) {
        for (int page = first; page < first + count; page++) {
            protection[page] = 0;
            if (frames[page] != NO_FRAME) {
                memory.release(frames[page]);
                frames[page] = NO_FRAME;
            }
        }
    }

    /** The pages [first, first+count) as a VAD of their own, for a partial MEM_RELEASE. */
    PrivateVad slice(int first, int count) {
        PrivateVad piece = new PrivateVad(start + ((long) first << PageProtection.PAGE_SHIFT), count, allocationProtect, memory);
        System.arraycopy(protection, first, piece.protection, 0, count);
        System.arraycopy(frames, first, piece.frames, 0, count);
        Arrays.fill(frames, first, first + count, NO_FRAME);
        return piece;
    }

    @Override
    void release() {
        decommit(0, pageCount());
    }
}
