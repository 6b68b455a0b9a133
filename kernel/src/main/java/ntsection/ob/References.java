package ntsection.ob;

import ntsection.ke.BugCheckCodes;
import ntsection.ke.CurrentThread;
import ntsection.ke.ProcessorMode;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ps.Process;
import ntsection.ps.Thread;
import ntsection.vf.VerifierHooks;

import static ntsection.ke.ProcessorMode.KernelMode;
import static ntsection.nt.NtStatus.*;

/**
 * Pointer references: by handle, by pointer, and the count itself, whose drop to zero
 * deletes the object. Referencing by handle takes no lock.
 */
final class References {
    private final ObjectManager ob;

    References(ObjectManager ob) {
        this.ob = ob;
    }

    /**
     * ObReferenceObjectByHandle, in NT's order: pseudo-handles; kernel handles (only
     * for kernel mode); the current process's table; the type; the access (user mode
     * only, bitwise against the granted mask); then a pointer reference.
     */
    NtStatus byHandle(long handle, int desiredAccess, ObjectType type, ProcessorMode mode,
                      Out<? super KernelObject> object, Out<HandleInformation> information) {
        object.value = null;
        Thread thread = CurrentThread.get();
        if (handle == Handles.NtCurrentProcess || handle == Handles.NtCurrentThread) {
            return pseudoHandle(thread, handle, desiredAccess, type, mode, object, information);
        }
        // This routine's own kernel-handle test: bit 31, and from user mode such a value is simply invalid.
        boolean kernelHandle = Handles.hasKernelBit(handle);
        if (kernelHandle && mode != KernelMode) return STATUS_INVALID_HANDLE;
        HandleLocation location = ob.entries().locate(handle, kernelHandle, thread.currentProcess());
        NtStatus status = location.table().reference(location.index(), type, desiredAccess, mode != KernelMode, object,
                information);
        VerifierHooks hooks = ob.kernel().hooks();
        if (status == STATUS_SUCCESS && hooks != VerifierHooks.NONE) {
            Process owner = kernelHandle ? ob.kernelHandleTableOwner() : thread.currentProcess();
            hooks.handleReferenced(thread, owner, location.index(), (KernelObject) object.value, mode);
        }
        return status;
    }

    private NtStatus pseudoHandle(Thread thread, long handle, int desiredAccess, ObjectType type, ProcessorMode mode,
                                  Out<? super KernelObject> object, Out<HandleInformation> information) {
        boolean process = handle == Handles.NtCurrentProcess;
        ObjectType expected = process ? ob.types().process() : ob.types().thread();
        if (type != null && type != expected) return STATUS_OBJECT_TYPE_MISMATCH;
        int granted = expected.validAccessMask();
        if (mode != KernelMode && (desiredAccess & ~granted) != 0) return STATUS_ACCESS_DENIED;
        KernelObject target = process ? thread.currentProcess() : thread;
        target.incrementPointerCount();
        object.value = target;
        if (information != null) information.value = new HandleInformation(0, granted);
        return STATUS_SUCCESS;
    }

    /** ObReferenceObjectByPointer: no access check; a type mismatch matters only outside kernel mode. */
    NtStatus byPointer(KernelObject object, ObjectType type, ProcessorMode mode) {
        if (type != null && object.type() != type && (mode != KernelMode || type == ob.types().symbolicLink())) {
            return STATUS_OBJECT_TYPE_MISMATCH;
        }
        reference(object);
        return STATUS_SUCCESS;
    }

    /** ObfReferenceObject: returns the new pointer count. */
    int reference(KernelObject object) {
        if (object.deleted) {
            deletedObjectUsed(object);
            // Model choice: touching a deleted object stops the system the way Windows does
            // when a count goes wrong, instead of silently resurrecting it.
            throw ob.kernel().keBugCheckEx(BugCheckCodes.REFERENCE_BY_POINTER, object.type().address(), object.address(), 0, 1);
        }
        return object.incrementPointerCount();
    }

    /**
     * ObfDereferenceObject: returns the new pointer count. At zero the object is deleted:
     * marked at once, its type's delete procedure run outside the lock. Dropping below the handle count is
     * REFERENCE_BY_POINTER, as on Windows.
     */
    int dereference(KernelObject object) {
        int count = object.decrementPointerCount();
        if (count < 0 || (count == 0 && object.handleCount > 0) || object.deleted) {
            if (object.deleted) deletedObjectUsed(object);
            throw ob.kernel().keBugCheckEx(BugCheckCodes.REFERENCE_BY_POINTER, object.type().address(), object.address(),
                    object.handleCount, count);
        }
        if (count == 0) {
            ob.forget(object);
            ob.runUnlocked(() -> object.type().delete(object));
        }
        return count;
    }

    private void deletedObjectUsed(KernelObject object) {
        if (CurrentThread.isSet()) ob.kernel().hooks().deletedObjectUsed(CurrentThread.get(), object);
    }
}
