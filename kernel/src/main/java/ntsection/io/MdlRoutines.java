package ntsection.io;

import ntsection.ke.CurrentThread;
import ntsection.ke.NtException;
import ntsection.ke.ProcessorMode;
import ntsection.mm.AddressLimits;
import ntsection.mm.MemoryManager;
import ntsection.nt.NtStatus;

/**
 * IoAllocateMdl, MmProbeAndLockPages, MmGetSystemAddressForMdlSafe, MmUnlockPages and
 * IoFreeMdl. Locking pins the user's frames, so the buffer's pages stay even if the
 * user unmaps or frees the range meanwhile; the system mapping reaches them through a
 * system address from any process context, which is what lets a lower driver in an
 * arbitrary thread use a METHOD_IN_DIRECT/METHOD_OUT_DIRECT buffer.
 */
final class MdlRoutines {
    private final MemoryManager mm;

    MdlRoutines(MemoryManager mm) {
        this.mm = mm;
    }

    Mdl ioAllocateMdl(long virtualAddress, int length) {
        return new Mdl(virtualAddress, length, CurrentThread.get().currentProcess());
    }

    /**
     * Raises, as NT's does, when a page is not accessible for the operation or a
     * user-mode request names a system address; the caller's try/except turns that
     * into a status. Runs in the process the MDL describes.
     */
    void mmProbeAndLockPages(Mdl mdl, ProcessorMode accessMode, LockOperation operation) {
        if (mdl.isLocked()) throw new IllegalStateException("MmProbeAndLockPages on an MDL that is already locked");
        long address = mdl.virtualAddress();
        if (accessMode == ProcessorMode.UserMode && AddressLimits.isSystemAddress(address)) {
            throw NtException.fault(NtStatus.STATUS_ACCESS_VIOLATION, address, operation.writes());
        }
        mdl.frames = mm.lockPages(address, mdl.ByteCount, operation.writes());
        mdl.writable = operation.writes();
    }

    /** The buffer's system address, mapping the locked pages on first use; 0 when system space is full. */
    long mmGetSystemAddressForMdlSafe(Mdl mdl) {
        if (!mdl.isLocked()) throw new IllegalStateException("MmGetSystemAddressForMdlSafe on an MDL whose pages are not locked");
        if (mdl.MappedSystemVa == 0) {
            long base = mm.mapLockedPages(mdl.frames, mdl.writable);
            if (base == -1) return 0;
            mdl.MappedSystemVa = base + mdl.ByteOffset;
        }
        return mdl.MappedSystemVa;
    }

    /** Unmaps the system mapping, if any, and unpins the frames. */
    void mmUnlockPages(Mdl mdl) {
        if (!mdl.isLocked()) throw new IllegalStateException("MmUnlockPages on an MDL whose pages are not locked");
        if (mdl.MappedSystemVa != 0) {
            mm.unmapLockedPages(mdl.MappedSystemVa - mdl.ByteOffset);
            mdl.MappedSystemVa = 0;
        }
        mm.unlockPages(mdl.frames);
        mdl.frames = null;
    }

    void ioFreeMdl(Mdl mdl) {
        if (mdl.isLocked()) throw new IllegalStateException("IoFreeMdl on an MDL whose pages are still locked");
    }
}
