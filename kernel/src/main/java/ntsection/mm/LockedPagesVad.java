package ntsection.mm;

import java.util.Arrays;

/**
 * A system-space mapping of the frames an MDL locked (MmMapLockedPagesSpecifyCache in
 * kernel mode): the same physical pages as the user's buffer, reached through a
 * system address that is valid in every process context. The frames belong to the
 * MDL's pins, so unmapping frees none of them.
 */
final class LockedPagesVad extends Vad {
    private final int[] frames;

    LockedPagesVad(long start, int[] frames, int protect, PhysicalMemory memory) {
        super(start, frames.length, protect, memory);
        this.frames = frames.clone();
        Arrays.fill(protection, protect);
    }

    @Override
    boolean isCommitted(int page) {
        return true;
    }

    @Override
    int type() {
        return PageProtection.MEM_MAPPED;
    }

    @Override
    int frame(int page) {
        return frames[page];
    }

    /** The mapping is PAGE_READWRITE or PAGE_READONLY, never copy-on-write. */
    @Override
    int copyOnWrite(int page) {
        throw new IllegalStateException("locked-pages mapping with a copy-on-write protection");
    }

    @Override
    void release() {
    }
}
