package ntsection.io;

import ntsection.ke.ProcessorMode;
import ntsection.ps.Thread;

import java.lang.foreign.MemorySegment;

/**
 * IRP: one I/O request as it travels down a device stack. RequestorMode is the
 * previous mode of the thread that asked (user for an Nt* call from user mode), which
 * tells a driver whether the buffers it was handed must be probed. The stack locations
 * run from the last (the top driver's) down to the first; CurrentLocation counts as in
 * NT, starting one past the last so that IoCallDriver's decrement lands on it.
 */
public final class Irp {
    public final ProcessorMode RequestorMode;
    public final IoStatusBlock IoStatus = new IoStatusBlock();
    public final AssociatedIrp AssociatedIrp = new AssociatedIrp();
    /** The caller's output pointer, a user address when RequestorMode is UserMode. */
    public long UserBuffer;
    public Mdl MdlAddress;
    public final Tail Tail;
    /** Set by IoMarkIrpPending: the dispatch routine returns STATUS_PENDING and completes the IRP later. */
    public boolean PendingReturned;
    final IoStackLocation[] stack;
    int CurrentLocation;
    boolean completed;
    /** What the I/O manager does once the IRP completes (copy-out, freeing the buffers). */
    Runnable completion = () -> { };

    public static final class AssociatedIrp {
        /**
         * METHOD_BUFFERED's system buffer: nonpaged pool, never a user address, so a driver
         * touches it without probing or a guard. Null when both lengths are 0.
         */
        public MemorySegment SystemBuffer;
    }

    public static final class Tail {
        public final Overlay Overlay;

        Tail(Thread thread) {
            this.Overlay = new Overlay(thread);
        }
    }

    public static final class Overlay {
        /** The thread that issued the request: its process is the requestor's context. */
        public final Thread Thread;

        Overlay(Thread thread) {
            this.Thread = thread;
        }
    }

    Irp(int stackSize, ProcessorMode requestorMode, Thread thread) {
        this.RequestorMode = requestorMode;
        this.Tail = new Tail(thread);
        this.stack = new IoStackLocation[stackSize];
        for (int i = 0; i < stackSize; i++) stack[i] = new IoStackLocation();
        this.CurrentLocation = stackSize + 1;
    }

    public int StackCount() {
        return stack.length;
    }

    public boolean isCompleted() {
        return completed;
    }
}
