package ntsection.ob;

import ntsection.ke.CurrentThread;
import ntsection.ke.ProcessorMode;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ps.Process;
import ntsection.ps.ProcessAccess;

import static ntsection.ke.ProcessorMode.KernelMode;
import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Attributes.*;

/** NtDuplicateObject (ObDuplicateObject): a handle copied within a process, into another, or closed at its source. */
final class Duplication {
    private final ObjectManager ob;

    Duplication(ObjectManager ob) {
        this.ob = ob;
    }

    private record Source(Process process, HandleTable table, long index, HandleEntry entry) {
    }

    /**
     * NtDuplicateObject. Both process handles need PROCESS_DUP_HANDLE. The new handle is
     * a kernel handle only for a kernel-mode caller asking for OBJ_KERNEL_HANDLE with
     * the System process as target. With DUPLICATE_CLOSE_SOURCE inside one process and
     * no new rights, the source value itself is kept with the new access and attributes.
     */
    NtStatus duplicate(long sourceProcessHandle, long sourceHandle, long targetProcessHandle, LongOut targetHandle,
                      int desiredAccess, int handleAttributes, int options, ProcessorMode mode) {
        // A failed duplication reports handle 0; a null target pointer still duplicates (om.c), the value unseen.
        LongOut target = targetHandle != null ? targetHandle : new LongOut();
        target.value = 0;
        return ob.locked(() -> {
            Out<KernelObject> sourceProcessObject = new Out<>();
            NtStatus status = ob.obReferenceObjectByHandle(sourceProcessHandle, ProcessAccess.PROCESS_DUP_HANDLE,
                    ob.types().process(), mode, sourceProcessObject, null);
            if (status != STATUS_SUCCESS) return status;
            Process sourceProcess = (Process) sourceProcessObject.value;
            Process targetProcess = null;
            try {
                Out<Source> source = new Out<>();
                status = resolveSource(sourceProcess, sourceHandle, mode, source);
                if (status != STATUS_SUCCESS) return status;
                if (targetProcessHandle == 0) {
                    if ((options & DUPLICATE_CLOSE_SOURCE) == 0) return STATUS_INVALID_PARAMETER;
                    closeSource(source.value);
                    return STATUS_SUCCESS;
                }
                Out<KernelObject> targetProcessObject = new Out<>();
                status = ob.obReferenceObjectByHandle(targetProcessHandle, ProcessAccess.PROCESS_DUP_HANDLE,
                        ob.types().process(), mode, targetProcessObject, null);
                if (status != STATUS_SUCCESS) {
                    if ((options & DUPLICATE_CLOSE_SOURCE) != 0) closeSource(source.value);
                    return status;
                }
                targetProcess = (Process) targetProcessObject.value;
                status = duplicateInto(source.value, targetProcess, target, desiredAccess, handleAttributes, options, mode);
                if (status != STATUS_SUCCESS && (options & DUPLICATE_CLOSE_SOURCE) != 0) closeSource(source.value);
                return status;
            } finally {
                if (targetProcess != null) ob.obDereferenceObject(targetProcess);
                ob.obDereferenceObject(sourceProcess);
            }
        });
    }

    private NtStatus resolveSource(Process sourceProcess, long sourceHandle, ProcessorMode mode, Out<Source> source) {
        if (sourceHandle == Handles.NtCurrentProcess || sourceHandle == Handles.NtCurrentThread) {
            KernelObject object = sourceHandle == Handles.NtCurrentProcess ? sourceProcess : CurrentThread.get();
            source.value = new Source(sourceProcess, null, sourceHandle, new HandleEntry(object, object.type().validAccessMask(), 0));
            return STATUS_SUCCESS;
        }
        HandleLocation location = ob.entries().locate(sourceHandle, Handles.isKernelHandle(sourceHandle, mode == KernelMode),
                sourceProcess);
        HandleEntry entry = location.entry();
        if (entry == null) return STATUS_INVALID_HANDLE;
        source.value = new Source(sourceProcess, location.table(), location.index(), entry);
        return STATUS_SUCCESS;
    }

    private NtStatus duplicateInto(Source source, Process targetProcess, LongOut targetHandle, int desiredAccess,
                                   int handleAttributes, int options, ProcessorMode mode) {
        KernelObject object = source.entry().object();
        int sourceAccess = source.entry().grantedAccess();
        int access = (options & DUPLICATE_SAME_ACCESS) != 0 ? sourceAccess : HandleOpen.grantable(object.type(), desiredAccess);
        int attributes = (options & DUPLICATE_SAME_ATTRIBUTES) != 0
                ? source.entry().attributes()
                : (handleAttributes & OBJ_HANDLE_ATTRIBUTES) | (source.entry().attributes() & OBJ_AUDIT_OBJECT_CLOSE);
        // Without DUPLICATE_SAME_ATTRIBUTES the caller may ask for an exclusive handle, as when opening.
        int exclusive = (options & DUPLICATE_SAME_ATTRIBUTES) != 0 ? 0 : handleAttributes & OBJ_EXCLUSIVE;
        NtStatus exclusivity = Exclusivity.check(object, attributes | exclusive, targetProcess);
        if (exclusivity != STATUS_SUCCESS) return exclusivity;
        boolean extraAccess = (access & ~sourceAccess) != 0;
        if (extraAccess) {
            // File and device objects have their own security procedure, which refuses outright.
            if (object.type() == ob.types().file() || object.type() == ob.types().device()) return STATUS_ACCESS_DENIED;
            NtStatus check = AccessCheck.check(object, access, mode);
            if (check != STATUS_SUCCESS) return check;
        }
        // Choice (ObHandle.c skips the case on NT 6.1+): OBJ_KERNEL_HANDLE into any other
        // process is dropped, giving a plain handle there, as on NT 5.x.
        boolean kernelHandle = mode == KernelMode && (handleAttributes & OBJ_KERNEL_HANDLE) != 0
                && targetProcess == ob.kernelHandleTableOwner();
        boolean closeSource = (options & DUPLICATE_CLOSE_SOURCE) != 0;
        if (closeSource && source.table() != null && targetProcess == source.process() && !kernelHandle
                && source.table() == targetProcess.handleTable() && !source.entry().protectFromClose() && !extraAccess) {
            source.table().replace(source.index(), new HandleEntry(object, access, attributes));
            targetHandle.value = source.index() & ~3L;
            return STATUS_SUCCESS;
        }
        NtStatus room = HandleEntries.checkRoom(targetProcess);
        if (room != STATUS_SUCCESS) return room;
        long handle = ob.entries().insert(targetProcess, object, access, attributes | exclusive);
        targetHandle.value = kernelHandle ? Handles.toKernelHandle(handle) : handle;
        if (closeSource) closeSource(source);
        return STATUS_SUCCESS;
    }

    private void closeSource(Source source) {
        if (source.table() == null || source.entry().protectFromClose()) return;
        if (!source.entry().equals(source.table().lookup(source.index()))) return;
        ob.entries().destroy(source.table(), source.index(), source.entry());
    }
}
