package ntsection.ob;

import ntsection.ke.ProcessorMode;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;

import static ntsection.ke.ProcessorMode.KernelMode;
import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Attributes.*;

/**
 * One request for a new handle, checked in the order NT checks it (ObpCreateHandle):
 * the type's invalid attributes, room in the receiving table, the grantable access;
 * then, for an existing object only, the exclusive rule and the security check
 * (ObpIncrementHandleCount); then the entry. Opening by name, by pointer, and
 * OBJ_OPENIF on an existing name all go through {@link #open}; a newly created object
 * is granted its handle with no check ({@link #create}).
 */
final class HandleOpen {
    private final HandleEntries entries;
    private final NtStatus status;
    private final int attributes;
    private final int grantedAccess;
    private final boolean kernelHandle;
    private final ProcessorMode mode;

    private HandleOpen(HandleEntries entries, NtStatus status, int attributes, int grantedAccess, boolean kernelHandle,
                       ProcessorMode mode) {
        this.entries = entries;
        this.status = status;
        this.attributes = attributes;
        this.grantedAccess = grantedAccess;
        this.kernelHandle = kernelHandle;
        this.mode = mode;
    }

    /** The checks that do not depend on which object of the type the handle will be for. */
    static HandleOpen prepare(HandleEntries entries, ObjectType type, int attributes, int desiredAccess, ProcessorMode mode) {
        boolean kernelHandle = mode == KernelMode && (attributes & OBJ_KERNEL_HANDLE) != 0;
        NtStatus status = (attributes & type.invalidAttributes()) != 0
                ? STATUS_INVALID_PARAMETER
                : HandleEntries.checkRoom(entries.owner(kernelHandle));
        return new HandleOpen(entries, status, attributes, grantable(type, desiredAccess), kernelHandle, mode);
    }

    /** The whole sequence for an object that already exists. */
    static NtStatus open(HandleEntries entries, KernelObject object, int attributes, int desiredAccess, ProcessorMode mode,
                         LongOut handle) {
        HandleOpen request = prepare(entries, object.type(), attributes, desiredAccess, mode);
        return request.status != STATUS_SUCCESS ? request.status : request.open(object, handle);
    }

    /** Access a new handle is granted: generic rights mapped, then limited to the type's valid rights. */
    static int grantable(ObjectType type, int desiredAccess) {
        return type.mapping().map(desiredAccess) & (type.validAccessMask() | Access.ACCESS_SYSTEM_SECURITY);
    }

    NtStatus status() {
        return status;
    }

    /** A prepared request's handle to an existing object: the exclusive rule, the access check in the probe mode, the entry. */
    NtStatus open(KernelObject object, LongOut handle) {
        NtStatus exclusive = Exclusivity.check(object, attributes, entries.owner(kernelHandle));
        if (exclusive != STATUS_SUCCESS) return exclusive;
        // OBJ_FORCE_ACCESS_CHECK makes a kernel-mode open checked as if it came from user mode.
        ProcessorMode probeMode = (attributes & OBJ_FORCE_ACCESS_CHECK) != 0 ? ProcessorMode.UserMode : mode;
        NtStatus access = AccessCheck.check(object, grantedAccess, probeMode);
        if (access != STATUS_SUCCESS) return access;
        handle.value = create(object);
        return STATUS_SUCCESS;
    }

    /** A prepared request's handle to the object just created. */
    long create(KernelObject object) {
        return entries.create(object, grantedAccess, attributes, kernelHandle);
    }
}
