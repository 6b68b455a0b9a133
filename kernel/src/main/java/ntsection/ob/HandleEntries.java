package ntsection.ob;

import ntsection.ke.CurrentThread;
import ntsection.nt.NtStatus;
import ntsection.ps.Process;
import ntsection.vf.VerifierHooks;

import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Attributes.OBJ_EXCLUSIVE;
import static ntsection.ob.Attributes.OBJ_HANDLE_ATTRIBUTES;

/**
 * Handle-table entries and the counts they hold: every entry is one handle count and
 * one pointer reference on its object. Which table a handle goes in, adding and
 * removing entries, process rundown and inheritance. Callers hold the object manager's
 * lock.
 */
final class HandleEntries {
    private final ObjectManager ob;

    HandleEntries(ObjectManager ob) {
        this.ob = ob;
    }

    /** The process whose table a new handle goes in: System for a kernel handle, else the current (attached) one. */
    Process owner(boolean kernelHandle) {
        return kernelHandle ? ob.kernelHandleTableOwner() : CurrentThread.get().currentProcess();
    }

    /** Where an existing handle of {@code process} (or, for a kernel handle, of System) lives. */
    HandleLocation locate(long handle, boolean kernelHandle, Process process) {
        return HandleLocation.of(handle, kernelHandle, ob.kernelHandleTable(), process.handleTable());
    }

    /** Whether the process's table takes one more handle: not while it terminates, not beyond 2^24 entries. */
    static NtStatus checkRoom(Process process) {
        if (process.isTerminating()) return STATUS_PROCESS_IS_TERMINATING;
        return process.handleTable().hasRoom() ? STATUS_SUCCESS : STATUS_INSUFFICIENT_RESOURCES;
    }

    /** Makes a handle in the owner's table, returned with the kernel bit for a kernel handle. */
    long create(KernelObject object, int grantedAccess, int attributes, boolean kernelHandle) {
        long handle = insert(owner(kernelHandle), object, grantedAccess, attributes);
        return kernelHandle ? Handles.toKernelHandle(handle) : handle;
    }

    /** Adds the entry; an exclusive handle makes its process the object's owner. The entry keeps only handle attributes. */
    long insert(Process process, KernelObject object, int grantedAccess, int attributes) {
        object.handleCount++;
        object.incrementPointerCount();
        if ((attributes & OBJ_EXCLUSIVE) != 0) object.exclusiveOwner = process;
        long handle = process.handleTable().insert(new HandleEntry(object, grantedAccess, attributes & OBJ_HANDLE_ATTRIBUTES));
        VerifierHooks hooks = ob.kernel().hooks();
        if (hooks != VerifierHooks.NONE && CurrentThread.isSet()) hooks.handleInserted(CurrentThread.get(), process, handle, object);
        return handle;
    }

    /**
     * Removes a handle's entry and drops the handle count under the lock; then, outside
     * it, in ObpDecrementHandleCount's order: the close procedure, the name check (which
     * takes the lock again, so a handle opened meanwhile keeps the name), and the
     * entry's pointer reference.
     */
    void destroy(HandleTable table, long handle, HandleEntry entry) {
        table.remove(handle);
        KernelObject object = entry.object();
        // The last handle frees an exclusive object for a new owner.
        if (--object.handleCount == 0) object.exclusiveOwner = null;
        ob.runUnlocked(() -> {
            object.type().close(object);
            ob.locked(() -> ob.names().deleteNameCheck(object));
            ob.obDereferenceObject(object);
        });
    }

    /** Process rundown: every handle closed, protect-from-close ignored. */
    void closeAll(Process process) {
        HandleTable table = process.handleTable();
        for (long handle : table.handles()) destroy(table, handle, table.lookup(handle));
    }

    /**
     * ObInitProcess with a parent (ExDupHandleTable): every OBJ_INHERIT entry of the
     * parent's table is copied into the child's empty one at the same handle value,
     * with the same access and attributes. Protect-from-close is copied too, because NT
     * copies the entry whole and keeps that flag in the entry's access word. Each copy
     * is a handle count and a pointer reference of its own. The exclusive rule still
     * applies (ObpIncrementHandleCount with ObInheritHandle): a handle to an object
     * some process owns exclusively is left out.
     */
    void inherit(Process parent, Process child) {
        HandleTable target = child.handleTable();
        parent.handleTable().forEach((handle, entry) -> {
            if (!entry.inherit()) return;
            KernelObject object = entry.object();
            if (Exclusivity.check(object, entry.attributes(), child) != STATUS_SUCCESS) return;
            object.handleCount++;
            object.incrementPointerCount();
            target.insertAt(handle, entry);
        });
    }
}
