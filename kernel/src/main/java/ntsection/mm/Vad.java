package ntsection.mm;

import static ntsection.mm.PageProtection.*;

/**
 * A virtual address descriptor: one reserved range of an address space, a section
 * view or private memory, with the current Win32 protection of each page (PAGE_GUARD
 * included). The owning {@link AddressSpace}'s lock guards every field.
 */
abstract sealed class Vad permits ViewVad, PrivateVad, LockedPagesVad {
    /** translate's answers besides a physical offset. */
    static final long FAULT_ACCESS = -1;
    static final long FAULT_GUARD = -2;
    static final long FAULT_READONLY = -3;

    final long start;
    final int allocationProtect;
    final int[] protection;
    final PhysicalMemory memory;

    Vad(long start, int pageCount, int allocationProtect, PhysicalMemory memory) {
        this.start = start;
        this.allocationProtect = allocationProtect;
        this.protection = new int[pageCount];
        this.memory = memory;
    }

    final int pageCount() {
        return protection.length;
    }

    final long end() {
        return start + ((long) protection.length << PAGE_SHIFT);
    }

    final boolean contains(long address) {
        return address >= start && address < end();
    }

    final int pageOf(long address) {
        return (int) ((address - start) >>> PAGE_SHIFT);
    }

    abstract boolean isCommitted(int page);

    /** MEM_MAPPED or MEM_PRIVATE, as NtQueryVirtualMemory reports it. */
    abstract int type();

    /** The frame behind a committed page, given a frame (zeroed) on first touch. */
    abstract int frame(int page);

    /** Gives the page a private frame holding what it shows now (copy-on-write). */
    abstract int copyOnWrite(int page);

    /** The range is gone from its address space: frames and view counts go back. */
    abstract void release();

    /**
     * MiAccessCheck for one page: the physical offset of the page, or a FAULT_ code. A
     * guard page loses its guard and faults once; while the thread is attached to
     * another process it faults as an access violation and keeps its guard (WRK and
     * ReactOS both do this). A write to a copy-on-write page gets the page its own frame
     * and turns it READWRITE.
     */
    final long translate(int page, boolean write, boolean attached) {
        if (!isCommitted(page)) return FAULT_ACCESS;
        int protect = protection[page];
        boolean allowed = write ? ProtectionMask.canWrite(protect) || ProtectionMask.isWriteCopy(protect)
                                : ProtectionMask.canRead(protect);
        if (!allowed) return write && ProtectionMask.canRead(protect) ? FAULT_READONLY : FAULT_ACCESS;
        if ((protect & PAGE_GUARD) != 0) {
            if (attached) return FAULT_ACCESS;
            protection[page] = protect & ~PAGE_GUARD;
            return FAULT_GUARD;
        }
        if (write && ProtectionMask.isWriteCopy(protect)) {
            protection[page] = ProtectionMask.afterCopyOnWrite(protect);
            return (long) copyOnWrite(page) << PAGE_SHIFT;
        }
        return (long) frame(page) << PAGE_SHIFT;
    }

    /**
     * A frame for a page whose commit charge promised one ({@link CommitCharge}): the
     * charge keeps frames in use at or below the frame count, so running out here is a
     * broken invariant, never a status a caller could be given.
     */
    static int allocateFrame(PhysicalMemory memory) {
        int frame = memory.allocate();
        if (frame < 0) throw new IllegalStateException("physical memory exhausted: commit accounting let too much through");
        return frame;
    }
}
