package ntsection.ob;

import ntsection.nt.NtStatus;
import ntsection.nt.Out;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import static ntsection.nt.NtStatus.*;

/**
 * A process's handle table. As on x64, entries live in pages of 256 (a 4 KiB page of
 * 16-byte entries) and the first entry of every page is never handed out, so 0,
 * 0x400, 0x800 ... are never valid handles. The lowest free slot is reused first.
 *
 * <p>An entry is stored inline, as NT stores it: the object pointer in one array and
 * a word holding the granted access, the handle attributes and a sequence number in
 * another, so a lookup is two loads into the page and no object of its own. Changes
 * are made by the object manager under its lock; lookups take no lock and read the
 * word before and after the object (a sequence lock), so they never see half an entry.
 */
public final class HandleTable {
    static final int PAGE_ENTRIES = 256;
    static final int PAGE_SHIFT = 8;
    public static final int MAX_ENTRIES = 1 << 24;

    private static final VarHandle OBJECTS = MethodHandles.arrayElementVarHandle(KernelObject[].class);
    private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);
    /** Set while the slot holds an entry: a free slot's word is non-negative. */
    private static final long PRESENT = 1L << 63;
    private static final int SEQUENCE_SHIFT = 40;
    private static final long SEQUENCE_MASK = (1L << 23) - 1;

    private static final class Page {
        final KernelObject[] objects = new KernelObject[PAGE_ENTRIES];
        final long[] words = new long[PAGE_ENTRIES];
    }

    private volatile Page[] pages = new Page[1];
    private final FreeSlots free = new FreeSlots();
    private int highWater = 1;
    private int count;

    /** The entry for a handle value (tag bits ignored), or null. */
    public HandleEntry lookup(long handle) {
        Page page = page(handle);
        if (page == null) return null;
        int slot = (int) (handle >>> 2) & (PAGE_ENTRIES - 1);
        while (true) {
            long before = stableWord(page, slot);
            if (before >= 0) return null;
            KernelObject object = (KernelObject) OBJECTS.getAcquire(page.objects, slot);
            if ((long) WORDS.getAcquire(page.words, slot) == before) return new HandleEntry(object, access(before), attributes(before));
        }
    }

    /**
     * The hot path of ObReferenceObjectByHandle: finds the entry, checks the type and
     * (when asked) the access, and takes a pointer reference, without allocating.
     */
    NtStatus reference(long handle, ObjectType type, int desiredAccess, boolean checkAccess,
                       Out<? super KernelObject> object, Out<HandleInformation> information) {
        Page page = page(handle);
        if (page == null) return STATUS_INVALID_HANDLE;
        int slot = (int) (handle >>> 2) & (PAGE_ENTRIES - 1);
        long word;
        KernelObject target;
        do {
            word = stableWord(page, slot);
            if (word >= 0) return STATUS_INVALID_HANDLE;
            target = (KernelObject) OBJECTS.getAcquire(page.objects, slot);
        } while ((long) WORDS.getAcquire(page.words, slot) != word);
        if (type != null && target.type() != type) return STATUS_OBJECT_TYPE_MISMATCH;
        if (checkAccess && (desiredAccess & ~access(word)) != 0) return STATUS_ACCESS_DENIED;
        if (!target.tryReference()) return STATUS_INVALID_HANDLE;
        object.value = target;
        if (information != null) information.value = new HandleInformation(attributes(word), access(word));
        return STATUS_SUCCESS;
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

    /**
     * Stores an entry at a given handle value above every slot used so far, as when a
     * table is filled in increasing handle order from another (inheritance keeps the
     * parent's values). The slots skipped on the way become free, lowest reused first.
     */
    void insertAt(long handle, HandleEntry entry) {
        int index = (int) (handle >>> 2);
        if (index < highWater || nextUnused(index) != index) {
            throw new IllegalArgumentException("handle " + Handles.format(handle) + " is not above the table's used slots");
        }
        for (int skipped = nextUnused(highWater); skipped < index; skipped = nextUnused(skipped + 1)) free.add(skipped);
        store(index, entry);
        highWater = index + 1;
        count++;
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
        Page[] directory = pages;
        for (int p = 0; p < directory.length; p++) {
            if (directory[p] == null) continue;
            for (int i = 0; i < PAGE_ENTRIES; i++) {
                long handle = ((long) p << PAGE_SHIFT | i) << 2;
                HandleEntry entry = lookup(handle);
                if (entry != null) action.accept(handle, entry);
            }
        }
    }

    public List<Long> handles() {
        List<Long> result = new ArrayList<>(count);
        forEach((h, e) -> result.add(h));
        return result;
    }

    private Page page(long handle) {
        long index = handle >>> 2;
        if (index >= MAX_ENTRIES) return null;
        Page[] directory = pages;
        int page = (int) index >>> PAGE_SHIFT;
        return page < directory.length ? directory[page] : null;
    }

    /** The slot's word once no change is in progress (an odd sequence number marks one). */
    private static long stableWord(Page page, int slot) {
        while (true) {
            long word = (long) WORDS.getAcquire(page.words, slot);
            if ((sequence(word) & 1) == 0) return word;
            Thread.onSpinWait();
        }
    }

    private static long sequence(long word) {
        return (word >>> SEQUENCE_SHIFT) & SEQUENCE_MASK;
    }

    private static int access(long word) {
        return (int) word;
    }

    private static int attributes(long word) {
        return (int) (word >>> 32) & 0xFF;
    }

    private static int nextUnused(int index) {
        return (index & (PAGE_ENTRIES - 1)) == 0 ? index + 1 : index;
    }

    private void store(int index, HandleEntry entry) {
        int pageIndex = index >>> PAGE_SHIFT;
        Page[] directory = pages;
        if (pageIndex >= directory.length) {
            Page[] grown = new Page[Math.max(directory.length * 2, pageIndex + 1)];
            System.arraycopy(directory, 0, grown, 0, directory.length);
            directory = grown;
            pages = grown;
        }
        if (directory[pageIndex] == null) directory[pageIndex] = new Page();
        Page page = directory[pageIndex];
        int slot = index & (PAGE_ENTRIES - 1);
        long sequence = sequence(page.words[slot]);
        WORDS.setRelease(page.words, slot, ((sequence + 1) & SEQUENCE_MASK) << SEQUENCE_SHIFT);
        OBJECTS.setRelease(page.objects, slot, entry == null ? null : entry.object());
        long next = ((sequence + 2) & SEQUENCE_MASK) << SEQUENCE_SHIFT;
        if (entry != null) {
            next |= PRESENT | ((long) (entry.attributes() & 0xFF) << 32) | (entry.grantedAccess() & 0xFFFFFFFFL);
        }
        WORDS.setRelease(page.words, slot, next);
    }
}
