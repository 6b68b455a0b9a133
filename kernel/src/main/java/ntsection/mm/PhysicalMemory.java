package ntsection.mm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static ntsection.mm.PageProtection.PAGE_SHIFT;
import static ntsection.mm.PageProtection.PAGE_SIZE;

/**
 * The machine's RAM: 4 KiB page frames in one off-heap segment, and the allocator that
 * hands them out. A frame is zeroed before it is handed out again, so no data travels
 * from one owner to the next.
 */
public final class PhysicalMemory implements AutoCloseable {
    private final Arena arena = Arena.ofShared();
    private final MemorySegment memory;
    private final int frameCount;
    private final int[] free;
    private int freeCount;
    /** MmProbeAndLockPages' pins: a frame freed while pinned goes back with its last unpin. */
    private final int[] pins;
    private final boolean[] freedWhilePinned;

    public PhysicalMemory(int frameCount) {
        if (frameCount <= 0) throw new IllegalArgumentException("physical memory needs at least one frame");
        this.frameCount = frameCount;
        this.memory = arena.allocate((long) frameCount << PAGE_SHIFT, PAGE_SIZE);
        this.free = new int[frameCount];
        // Lowest frame first, so that runs are deterministic and frames are handed out in address order.
        for (int i = 0; i < frameCount; i++) free[i] = frameCount - 1 - i;
        this.freeCount = frameCount;
        this.pins = new int[frameCount];
        this.freedWhilePinned = new boolean[frameCount];
    }

    /**
     * A zeroed frame, or -1 when memory is exhausted. The frame is zeroed after it
     * leaves the free list: it belongs to the caller alone by then, and 4 KiB of
     * zeroing under the allocator's monitor would hold up every other allocation.
     */
    public int allocate() {
        int frame = take();
        if (frame >= 0) memory.asSlice((long) frame << PAGE_SHIFT, PAGE_SIZE).fill((byte) 0);
        return frame;
    }

    private synchronized int take() {
        return freeCount == 0 ? -1 : free[--freeCount];
    }

    /** Gives the frame back; a pinned frame is only marked, and goes back when its last pin does. */
    public synchronized void release(int frame) {
        if (pins[frame] > 0) freedWhilePinned[frame] = true;
        else free[freeCount++] = frame;
    }

    /** Pins the frame for a locked MDL: its owner may free it, but nobody else gets it until it is unpinned. */
    public synchronized void pin(int frame) {
        pins[frame]++;
    }

    public synchronized void unpin(int frame) {
        if (pins[frame] == 0) throw new IllegalStateException("frame " + frame + " unpinned more often than pinned");
        if (--pins[frame] == 0 && freedWhilePinned[frame]) {
            freedWhilePinned[frame] = false;
            free[freeCount++] = frame;
        }
    }

    /** How many pins are on the frame (a leak check: 0 once every MDL is unlocked). */
    public synchronized int pinCount(int frame) {
        return pins[frame];
    }

    public synchronized int freeFrames() {
        return freeCount;
    }

    public int frameCount() {
        return frameCount;
    }

    /** All of RAM, for bulk copies that span frames of one physical range. */
    public MemorySegment segment() {
        return memory;
    }

    /** One frame's 4 KiB. */
    public MemorySegment frame(int frame) {
        return memory.asSlice((long) frame << PAGE_SHIFT, PAGE_SIZE);
    }

    public long sizeInBytes() {
        return (long) frameCount << PAGE_SHIFT;
    }

    @Override
    public void close() {
        arena.close();
    }
}
