package ntsection.vf;

import ntsection.io.DeviceObject;
import ntsection.io.DriverObject;
import ntsection.io.Irp;
import ntsection.ke.ProcessorMode;
import ntsection.mm.Section;
import ntsection.ob.KernelObject;
import ntsection.ps.Process;
import ntsection.ps.Thread;

import java.lang.foreign.MemorySegment;

/**
 * The places where the executive tells a watcher what happened, as NT's Driver
 * Verifier hooks the routines it checks. Every method is called with the effect not yet
 * visible to anyone else and must not call back into the executive; the default does
 * nothing, and an executive without a watcher pays one comparison per hook.
 */
public interface VerifierHooks {
    VerifierHooks NONE = new VerifierHooks() {
    };

    /**
     * A load or store through a user-range address: {@code length} bytes at
     * {@code physical} in {@code ram}, called before a store lands, under the address
     * space's lock.
     */
    default void userMemory(Thread thread, MemorySegment ram, long physical, long length, boolean write) {
    }

    /** A handle entry made in {@code owner}'s table (System's for a kernel handle) by {@code thread}. */
    default void handleInserted(Thread thread, Process owner, long handle, KernelObject object) {
    }

    /** A successful ObReferenceObjectByHandle of a table entry (not a pseudo-handle) with {@code accessMode}. */
    default void handleReferenced(Thread thread, Process owner, long handle, KernelObject object, ProcessorMode accessMode) {
    }

    /** A successful NtClose or ZwClose of a table entry. */
    default void handleClosed(Thread thread, Process owner, long handle, KernelObject object, ProcessorMode mode) {
    }

    /** Code took or dropped a reference on an object already deleted: the system stops next. */
    default void deletedObjectUsed(Thread thread, KernelObject object) {
    }

    /** Random bytes driver code asked for (its keys and nonces); a watcher may overwrite them with canaries. */
    default void secretGenerated(byte[] secret) {
    }

    /** Both watchers, {@code first} told first: a verifier's rule checks beside the oracles, say. */
    static VerifierHooks both(VerifierHooks first, VerifierHooks second) {
        return HookChain.of(first, second);
    }

    /**
     * A load or store through a user-range address is about to be made: {@code length}
     * bytes at virtual {@code address} of the thread's current process, told before the
     * address is translated, so an access that faults is told too.
     */
    default void userAccess(Thread thread, long address, long length, boolean write) {
    }

    /**
     * The executive calls into a driver: DriverEntry, DriverUnload, a dispatch routine
     * ({@code device} and {@code irp} set) or a completion routine ({@code irp} set).
     */
    default void driverCalled(Thread thread, DriverObject driver, DriverCall call, DeviceObject device, Irp irp) {
    }

    /** The driver routine {@link #driverCalled} announced returned, or unwound. */
    default void driverReturned(Thread thread, DriverObject driver, DriverCall call, DeviceObject device, Irp irp) {
    }

    /**
     * An IRP is complete (no completion routine kept it): told before the I/O manager
     * copies its output back, so the system buffer still holds what goes to the requestor.
     */
    default void irpCompleted(Thread thread, Irp irp) {
    }

    /** ExQueueWorkItem (IoQueueWorkItem too) by {@code thread} of {@code item}. */
    default void workItemQueued(Thread thread, Object item) {
    }

    /** A system worker thread starts {@code item}'s routine. */
    default void workItemStarted(Thread thread, Object item) {
    }

    /** {@code item}'s routine returned, or unwound. */
    default void workItemFinished(Thread thread, Object item) {
    }

    /** A page-file-backed section was created, with its creator's previous mode; its handle is inserted next. */
    default void sectionCreated(Thread thread, Section section, ProcessorMode previousMode) {
    }

    /** A view of {@code section} was mapped at {@code base} in {@code process}'s user range. */
    default void viewMapped(Thread thread, Process process, Section section, long base, long size) {
    }

    /** The view at {@code base} in {@code process}'s user range was unmapped by a service call. */
    default void viewUnmapped(Thread thread, Process process, long base) {
    }

    /** MmMapViewInSystemSpace mapped {@code section} at {@code base} in system space. */
    default void systemViewMapped(Thread thread, Section section, long base) {
    }

    /** A successful ObReferenceObject, ObReferenceObjectByPointer or ObReferenceObjectByName. */
    default void objectReferenced(Thread thread, KernelObject object) {
    }

    /** ObDereferenceObject is about to drop a pointer reference on {@code object}. */
    default void objectDereferenced(Thread thread, KernelObject object) {
    }
}
