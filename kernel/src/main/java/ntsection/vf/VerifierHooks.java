package ntsection.vf;

import ntsection.ke.ProcessorMode;
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
}
