package ntsection.io;

import ntsection.ke.NtException;
import ntsection.mm.MemoryManager;
import ntsection.ob.ObjectManager;

import java.lang.foreign.MemorySegment;

/**
 * The I/O manager's buffer handling on both sides of a request: the system buffer a
 * buffered request starts with, and the completion half (IopCompleteRequest) that runs
 * in the requestor's process.
 */
final class Completion {
    private Completion() {
    }

    /** Nonpaged pool of {@code size} bytes holding the caller's first {@code inputLength} bytes; null when size is 0. */
    static MemorySegment systemBuffer(MemoryManager mm, long input, int inputLength, int size) {
        if (size == 0) return null;
        MemorySegment buffer = MemorySegment.ofArray(new byte[size]);
        if (inputLength > 0) mm.access().read(input, buffer, 0, inputLength);
        return buffer;
    }

    /**
     * A buffered request that returns data copies Information bytes (at most the
     * output length) back to UserBuffer unless the status is an error; a fault while
     * copying becomes the request's status. A locked MDL is unlocked and freed, and the
     * IRP's reference on the file goes.
     */
    static void finish(ObjectManager ob, MemoryManager mm, IoManager io, Irp irp, boolean copyOut, int outputLength,
                       FileObject file) {
        if (copyOut && !irp.IoStatus.Status.isError() && outputLength != 0) {
            long count = Math.min(irp.IoStatus.Information, Integer.toUnsignedLong(outputLength));
            try {
                if (count > 0) mm.access().write(irp.UserBuffer, irp.AssociatedIrp.SystemBuffer, 0, count);
            } catch (NtException exception) {
                irp.IoStatus.Status = exception.status();
            }
        }
        Mdl mdl = irp.MdlAddress;
        if (mdl != null) {
            if (mdl.isLocked()) io.mmUnlockPages(mdl);
            io.ioFreeMdl(mdl);
            irp.MdlAddress = null;
        }
        irp.AssociatedIrp.SystemBuffer = null;
        ob.obDereferenceObject(file);
    }
}
