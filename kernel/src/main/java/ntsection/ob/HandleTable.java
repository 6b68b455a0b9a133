package ntsection.ob;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A process's handle table. As on x64, entries live in pages of 256 (a 4 KiB page of
 * 16-byte entries) and the first entry of every page is never handed out, so 0,
 * 0x400, 0x800 ... are never valid handles. The lowest free slot is reused first.
 * Lookups take no lock: a handle is read with two array loads. Changes are made by
 * the object manager under its lock.
 */
public final class HandleTable {
    static final int PAGE_ENTRIES = 256;
    static final int PAGE_SHIFT = 8;
    public static final int MAX_ENTRIES = 1 << 24;
    private static final VarHandle ENTRY = MethodHandles.arrayElementVarHandle(HandleEntry[].class);

    private volatile HandleEntry[][] pages = new HandleEntry[1][];
    private final FreeSlots free = new FreeSlots();
    private int highWater = 1;
    private int count;

    /** The entry for a handle value (tag bits ignored), or null. */
    public HandleEntry lookup(long handle) {
        long index = handle >>> 2;
        if (index >= MAX_ENTRIES) return null;
        HandleEntry[][] directory = pages;
        int page = (int) index >>> PAGE_SHIFT;
        if (page >= directory.length) return null;
        HandleEntry[] entries = directory[page];
        if (entries == null) return null;
        return (HandleEntry) ENTRY.getAcquire(entries, (int) index & (PAGE_ENTRIES - 1));
    }

    public int count() {
        return count;
    }

    /** Whether one more handle fits (NT's limit is 2^24 entries). */
    boolean hasRoom() {
        return free.count() > 0 || nextUnused(highWater) < MAX_ENTRIES;
    }

    /** Stores an entry in the lowest free slot and returns its handle value. */
    long insert(HandleEntry entry) {
        int index = free.takeLowest();
        if (index < 0) {
            index = nextUnused(highWater);
            highWater = index + 1;
        }
        store(index, entry);
        count++;
        return (long) index << 2;
    }

    /** Replaces the entry of a live handle (new access or attributes). */
    void replace(long handle, HandleEntry entry) {
        store((int) (handle >>> 2), entry);
    }

    HandleEntry remove(long handle) {
        HandleEntry entry = lookup(handle);
        if (entry == null) return null;
        int index = (int) (handle >>> 2);
        store(index, null);
        free.add(index);
        count--;
        return entry;
    }

    /** Every live handle value with its entry, in increasing handle order. */
    public void forEach(BiConsumer<Long, HandleEntry> action) {
        HandleEntry[][] directory = pages;
        for (int p = 0; p < directory.length; p++) {
            HandleEntry[] entries = directory[p];
            if (entries == null) continue;
            for (int i = 0; i < PAGE_ENTRIES; i++) {
                HandleEntry e = (HandleEntry) ENTRY.getAcquire(entries, i);
                if (e != null) action.accept(((long) p << PAGE_SHIFT | i) << 2, e);
            }
        }
    }

    public List<Long> handles() {
        List<Long> result = new ArrayList<>(count);
        forEach((h, e) -> result.add(h));
        return result;
    }

    private static int nextUnused(int index) {
        return (index & (PAGE_ENTRIES - 1)) == 0 ? index + 1 : index;
    }

    private void store(int index, HandleEntry entry) {
        int page = index >>> PAGE_SHIFT;
        HandleEntry[][] directory = pages;
        if (page >= directory.length) {
            HandleEntry[][] grown = new HandleEntry[Math.max(directory.length * 2, page + 1)][];
            System.arraycopy(directory, 0, grown, 0, directory.length);
            directory = grown;
            pages = grown;
        }
        if (directory[page] == null) directory[page] = new HandleEntry[PAGE_ENTRIES];
        ENTRY.setRelease(directory[page], index & (PAGE_ENTRIES - 1), entry);
    }
}
