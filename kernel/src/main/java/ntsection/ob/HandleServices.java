package ntsection.ob;

import ntsection.ke.BugCheckCodes;
import ntsection.ke.CurrentThread;
import ntsection.ke.ProcessorMode;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ps.Process;
import ntsection.ps.Thread;
import ntsection.vf.VerifierHooks;

import static ntsection.ke.ProcessorMode.KernelMode;
import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Attributes.*;

/**
 * The handle system services: NtClose, NtDuplicateObject, NtQueryObject,
 * NtSetInformationObject, NtMakeTemporaryObject and NtMakePermanentObject. Each takes the previous mode it
 * runs under; the Nt and Zw surfaces decide that.
 */
public final class HandleServices {
    private final ObjectManager ob;
    private final Duplication duplication;
    private final boolean bugCheckOnInvalidKernelClose;

    /**
     * @param bugCheckOnInvalidKernelClose whether ZwClose of a handle that is not valid
     *        (and not NULL or a pseudo-handle) bug-checks with INVALID_KERNEL_HANDLE, as
     *        Windows does, or returns STATUS_INVALID_HANDLE.
     */
    public HandleServices(ObjectManager ob, boolean bugCheckOnInvalidKernelClose) {
        this.ob = ob;
        this.duplication = new Duplication(ob);
        this.bugCheckOnInvalidKernelClose = bugCheckOnInvalidKernelClose;
    }

    /** ObCloseHandle: NtClose is this with the previous mode, ZwClose with kernel mode. */
    public NtStatus close(long handle, ProcessorMode mode) {
        return ob.locked(() -> {
            // Choice (UNCERTAIN across versions): NT 5.2, as ObHandle.c asserts, refuses the current-process
            // pseudo-handle here; Windows 10 returns success.
            if (mode == KernelMode && handle == Handles.NtCurrentProcess) return STATUS_INVALID_HANDLE;
            HandleLocation location = ob.entries().locate(handle, Handles.isKernelHandle(handle, mode == KernelMode),
                    CurrentThread.get().currentProcess());
            HandleEntry entry = location.entry();
            if (entry == null) {
                if (mode == KernelMode && bugCheckOnInvalidKernelClose && handle != 0 && !Handles.isPseudoHandle(handle)) {
                    throw ob.kernel().keBugCheckEx(BugCheckCodes.INVALID_KERNEL_HANDLE, handle, 1, 0, 0);
                }
                return STATUS_INVALID_HANDLE;
            }
            if (entry.protectFromClose()) {
                if (mode == KernelMode) throw ob.kernel().keBugCheckEx(BugCheckCodes.INVALID_KERNEL_HANDLE, handle, 0, 0, 0);
                return STATUS_HANDLE_NOT_CLOSABLE;
            }
            VerifierHooks hooks = ob.kernel().hooks();
            if (hooks != VerifierHooks.NONE) {
                Thread thread = CurrentThread.get();
                Process owner = location.table() == ob.kernelHandleTable() ? ob.kernelHandleTableOwner() : thread.currentProcess();
                hooks.handleClosed(thread, owner, location.index(), entry.object(), mode);
            }
            ob.entries().destroy(location.table(), location.index(), entry);
            return STATUS_SUCCESS;
        });
    }

    /** NtQueryObject(ObjectBasicInformation). */
    public NtStatus queryBasic(long handle, ProcessorMode mode, Out<ObjectBasicInformation> information) {
        Out<KernelObject> object = new Out<>();
        Out<HandleInformation> handleInformation = new Out<>();
        return ob.locked(() -> {
            NtStatus status = ob.obReferenceObjectByHandle(handle, 0, null, mode, object, handleInformation);
            if (status != STATUS_SUCCESS) return status;
            KernelObject target = object.value;
            int attributes = handleInformation.value.handleAttributes() & OBJ_HANDLE_ATTRIBUTES;
            if (target.permanent) attributes |= OBJ_PERMANENT;
            if (target.exclusive) attributes |= OBJ_EXCLUSIVE;
            information.value = new ObjectBasicInformation(attributes, handleInformation.value.grantedAccess(),
                    target.handleCount, target.pointerCount());
            ob.obDereferenceObject(target);
            return STATUS_SUCCESS;
        });
    }

    /** NtMakeTemporaryObject: needs DELETE; the name goes at once if no handle is left. */
    public NtStatus makeTemporary(long handle, ProcessorMode mode) {
        Out<KernelObject> object = new Out<>();
        return ob.locked(() -> {
            NtStatus status = ob.obReferenceObjectByHandle(handle, Access.DELETE, null, mode, object, null);
            if (status != STATUS_SUCCESS) return status;
            object.value.permanent = false;
            ob.names().deleteNameCheck(object.value);
            ob.obDereferenceObject(object.value);
            return STATUS_SUCCESS;
        });
    }

    /** NtMakePermanentObject: needs SeCreatePermanentPrivilege outside kernel mode. */
    public NtStatus makePermanent(long handle, ProcessorMode mode) {
        if (mode != KernelMode && !CurrentThread.get().currentProcess().token().createPermanentPrivilege()) {
            return STATUS_PRIVILEGE_NOT_HELD;
        }
        Out<KernelObject> object = new Out<>();
        return ob.locked(() -> {
            NtStatus status = ob.obReferenceObjectByHandle(handle, 0, null, mode, object, null);
            if (status != STATUS_SUCCESS) return status;
            object.value.permanent = true;
            ob.obDereferenceObject(object.value);
            return STATUS_SUCCESS;
        });
    }

    /**
     * NtSetInformationObject(ObjectHandleFlagInformation): sets or clears the handle's
     * inherit and protect-from-close flags. The length is checked first; a handle that
     * names no entry, or inheritance asked for on a type that forbids OBJ_INHERIT, is
     * STATUS_ACCESS_DENIED, because ReactOS reports any failure of ExChangeHandle so.
     * A kernel handle (ObpIsKernelHandle) is changed in the kernel table, as NT does
     * after attaching to System.
     */
    public NtStatus setInformation(long handle, int informationClass, ObjectHandleFlagInformation information, long length,
                                   ProcessorMode mode) {
        if (informationClass != ObjectHandleFlagInformation.CLASS) return STATUS_INVALID_INFO_CLASS;
        if (length != ObjectHandleFlagInformation.SIZE) return STATUS_INFO_LENGTH_MISMATCH;
        return ob.locked(() -> {
            HandleLocation location = ob.entries().locate(handle, Handles.isKernelHandle(handle, mode == KernelMode),
                    CurrentThread.get().currentProcess());
            HandleEntry entry = location.entry();
            if (entry == null) return STATUS_ACCESS_DENIED;
            if (information.inherit() && (entry.object().type().invalidAttributes() & OBJ_INHERIT) != 0) return STATUS_ACCESS_DENIED;
            int attributes = entry.attributes() & ~(OBJ_INHERIT | OBJ_PROTECT_CLOSE);
            if (information.inherit()) attributes |= OBJ_INHERIT;
            if (information.protectFromClose()) attributes |= OBJ_PROTECT_CLOSE;
            location.table().replace(location.index(), new HandleEntry(entry.object(), entry.grantedAccess(), attributes));
            return STATUS_SUCCESS;
        });
    }

    /** NtDuplicateObject; see {@link Duplication}. */
    public NtStatus duplicate(long sourceProcessHandle, long sourceHandle, long targetProcessHandle, LongOut targetHandle,
                              int desiredAccess, int handleAttributes, int options, ProcessorMode mode) {
        return duplication.duplicate(sourceProcessHandle, sourceHandle, targetProcessHandle, targetHandle, desiredAccess,
                handleAttributes, options, mode);
    }
}
