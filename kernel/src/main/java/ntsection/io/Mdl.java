package ntsection.io;

import ntsection.ps.Process;

/**
 * MDL: a buffer described by its virtual range in one process and, once
 * MmProbeAndLockPages has run, by the physical frames behind it, pinned until
 * MmUnlockPages. MappedSystemVa is the buffer's system address once
 * MmGetSystemAddressForMdlSafe has mapped it (0 before).
 */
public final class Mdl {
    public final long StartVa;
    public final int ByteOffset;
    public final int ByteCount;
    /** The process whose address space StartVa is in. */
    public final Process Process;
    public long MappedSystemVa;
    int[] frames;
    boolean writable;

    Mdl(long virtualAddress, int length, Process process) {
        this.StartVa = virtualAddress & ~0xFFFL;
        this.ByteOffset = (int) (virtualAddress & 0xFFF);
        this.ByteCount = length;
        this.Process = process;
    }

    /** MmGetMdlVirtualAddress. */
    public long virtualAddress() {
        return StartVa + ByteOffset;
    }

    /** MDL_PAGES_LOCKED. */
    public boolean isLocked() {
        return frames != null;
    }
}
