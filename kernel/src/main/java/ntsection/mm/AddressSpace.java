package ntsection.mm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One address space: a process's user range, or the system view space every kernel
 * context shares. Its VADs sit in start order in a sorted array, so that the access
 * path finds a page's VAD by binary search without allocating. Every operation runs
 * under the space's monitor ({@code synchronized (space)}): the services validate and
 * change a space in one critical section, and an access translates and copies under
 * it, so an unmap never frees a frame under a copy in flight.
 */
public final class AddressSpace {
    private final long lowest;
    private final long highest;
    private Vad[] vads = new Vad[8];
    private int count;
    private Vad lastHit;

    private AddressSpace(long lowest, long highest) {
        this.lowest = lowest;
        this.highest = highest;
    }

    /** A process's user range: MM_LOWEST_USER_ADDRESS up to MM_HIGHEST_VAD_ADDRESS. */
    public static AddressSpace userRange() {
        return new AddressSpace(AddressLimits.MM_LOWEST_USER_ADDRESS, AddressLimits.MM_HIGHEST_VAD_ADDRESS);
    }

    static AddressSpace systemViewSpace() {
        return new AddressSpace(AddressLimits.SYSTEM_VIEW_START, AddressLimits.SYSTEM_VIEW_END);
    }

    /** The VAD containing {@code address}, or null. Caller holds the lock. */
    Vad find(long address) {
        Vad hit = lastHit;
        if (hit != null && hit.contains(address)) return hit;
        int low = 0;
        int high = count - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            Vad vad = vads[middle];
            if (address < vad.start) high = middle - 1;
            else if (address >= vad.end()) low = middle + 1;
            else {
                lastHit = vad;
                return vad;
            }
        }
        return null;
    }

    /** Whether [start, end) lies inside the space and overlaps no VAD. Caller holds the lock. */
    boolean isFree(long start, long end) {
        if (start < lowest || end - 1 > highest || end <= start) return false;
        int index = firstEndingAfter(start);
        return index == count || vads[index].start >= end;
    }

    private int firstEndingAfter(long address) {
        int low = 0;
        int high = count;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (vads[middle].end() <= address) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    /**
     * The lowest (or, top-down, the highest) 64 KiB-aligned start of a free range of
     * {@code size} bytes ending at or below {@code highestAddress}, or -1 when none fits.
     * Caller holds the lock.
     */
    long findFree(long size, long highestAddress, boolean topDown) {
        long limit = Math.min(highestAddress, highest);
        if (size <= 0 || limit - lowest + 1 < size) return -1;
        return topDown ? findTopDown(size, limit) : findBottomUp(size, limit);
    }

    private long findBottomUp(long size, long limit) {
        long candidate = AddressLimits.granularityRoundUp(lowest);
        for (int i = 0; i < count; i++) {
            Vad vad = vads[i];
            if (candidate + size <= vad.start) break;
            candidate = Math.max(candidate, AddressLimits.granularityRoundUp(vad.end()));
        }
        return candidate + size - 1 <= limit ? candidate : -1;
    }

    private long findTopDown(long size, long limit) {
        long candidate = AddressLimits.granularityRoundDown(limit - size + 1);
        for (int i = count - 1; i >= 0 && candidate >= lowest; i--) {
            Vad vad = vads[i];
            if (vad.start >= candidate + size) continue;
            if (vad.end() <= candidate) break;
            candidate = AddressLimits.granularityRoundDown(vad.start - size);
        }
        return candidate >= lowest ? candidate : -1;
    }

    /** Adds a VAD over a range {@link #isFree} accepted. Caller holds the lock. */
    void insert(Vad vad) {
        int index = firstEndingAfter(vad.start);
        if (count == vads.length) vads = Arrays.copyOf(vads, count * 2);
        System.arraycopy(vads, index, vads, index + 1, count - index);
        vads[index] = vad;
        count++;
    }

    /** Takes a VAD out; its frames and view count are the caller's to release. Caller holds the lock. */
    void remove(Vad vad) {
        int index = firstEndingAfter(vad.start);
        if (index == count || vads[index] != vad) throw new IllegalStateException("VAD not in this address space");
        System.arraycopy(vads, index + 1, vads, index, count - index - 1);
        vads[--count] = null;
        if (lastHit == vad) lastHit = null;
    }

    /** The first VAD starting at or after {@code address}, or null. Caller holds the lock. */
    Vad nextAfter(long address) {
        int index = firstEndingAfter(address);
        return index == count ? null : vads[index];
    }

    /**
     * Process exit (MmCleanProcessAddressSpace): every view is unmapped and all private
     * memory freed, so a section whose object is gone releases its frames with its last
     * view.
     */
    public synchronized void runDown() {
        List<Vad> all = new ArrayList<>(Arrays.asList(vads).subList(0, count));
        Arrays.fill(vads, null);
        count = 0;
        lastHit = null;
        for (Vad vad : all) vad.release();
    }

    /** How many views are mapped here. */
    public synchronized int viewCount() {
        int views = 0;
        for (int i = 0; i < count; i++) if (vads[i] instanceof ViewVad) views++;
        return views;
    }

    /** How many VADs (views and private ranges) the space holds. */
    public synchronized int vadCount() {
        return count;
    }
}
