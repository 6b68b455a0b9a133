package ntsection.ob;

import ntsection.ke.ProcessorMode;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;

import static ntsection.ke.ProcessorMode.KernelMode;
import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Attributes.*;

/**
 * Names: finding an object by name for an open or a reference, the root directory a
 * relative name starts from, and the name going with the last handle. Callers other
 * than the Ob* entry points hold the object manager's lock.
 */
final class NameLookup {
    private final ObjectManager ob;

    NameLookup(ObjectManager ob) {
        this.ob = ob;
    }

    /** ObOpenObjectByName: a named object of the given type (null: any), opened after an access check in the probe mode. */
    NtStatus openByName(ObjectAttributes attributes, ObjectType type, ProcessorMode mode, int desiredAccess, LongOut handle) {
        if (attributes == null) return STATUS_INVALID_PARAMETER;
        return ob.locked(() -> {
            Out<KernelObject> found = new Out<>();
            NtStatus status = find(attributes, type, mode, found);
            if (status != STATUS_SUCCESS) return status;
            return HandleOpen.open(ob.entries(), found.value, attributes.attributes(), desiredAccess, mode, handle);
        });
    }

    /** ObReferenceObjectByName: a pointer reference to a named object, no handle. */
    NtStatus referenceByName(String name, int attributes, int desiredAccess, ObjectType type, ProcessorMode mode,
                             Out<KernelObject> object) {
        if (name == null || name.isEmpty()) return STATUS_OBJECT_NAME_INVALID;
        return ob.locked(() -> {
            Out<KernelObject> found = new Out<>();
            NtStatus status = find(ObjectAttributes.named(name, attributes), type, mode, found);
            if (status != STATUS_SUCCESS) return status;
            ProcessorMode probeMode = (attributes & OBJ_FORCE_ACCESS_CHECK) != 0 ? ProcessorMode.UserMode : mode;
            int granted = HandleOpen.grantable(found.value.type(), desiredAccess);
            if (probeMode != KernelMode) {
                NtStatus access = AccessCheck.check(found.value, granted, probeMode);
                if (access != STATUS_SUCCESS) return access;
            }
            found.value.incrementPointerCount();
            object.value = found.value;
            return STATUS_SUCCESS;
        });
    }

    private NtStatus find(ObjectAttributes attributes, ObjectType type, ProcessorMode mode, Out<KernelObject> found) {
        if (attributes.name() == null && attributes.rootDirectory() == 0) return STATUS_OBJECT_PATH_SYNTAX_BAD;
        Out<Directory> root = new Out<>();
        NtStatus rootStatus = referenceRoot(attributes.rootDirectory(), mode, root);
        if (rootStatus != STATUS_SUCCESS) return rootStatus;
        boolean caseInsensitive = attributes.has(OBJ_CASE_INSENSITIVE) || type == null || type.caseInsensitive();
        Lookup lookup = ob.namespace().find(root.value, attributes.name(), caseInsensitive);
        if (lookup.status() != STATUS_SUCCESS) return lookup.status();
        if (type != null && lookup.object().type() != type) return STATUS_OBJECT_TYPE_MISMATCH;
        found.value = lookup.object();
        return STATUS_SUCCESS;
    }

    /** The directory a relative name starts from; null (the namespace root) without a root handle. */
    NtStatus referenceRoot(long rootHandle, ProcessorMode mode, Out<Directory> root) {
        if (rootHandle == 0) return STATUS_SUCCESS;
        Out<KernelObject> object = new Out<>();
        NtStatus status = ob.obReferenceObjectByHandle(rootHandle, 0, ob.types().directory(), mode, object, null);
        if (status != STATUS_SUCCESS) return status;
        // The lock is held for the whole lookup, so the handle's reference keeps the directory alive.
        ob.obDereferenceObject(object.value);
        root.value = (Directory) object.value;
        return STATUS_SUCCESS;
    }

    /**
     * The name goes with the last handle unless the object is permanent
     * (ObpDeleteNameCheck): the directory's reference on the object and the name's
     * reference on the directory are dropped.
     */
    void deleteNameCheck(KernelObject object) {
        if (object.handleCount == 0 && object.directory != null && !object.permanent) {
            ob.obDereferenceObject(Namespace.unlink(object));
            ob.obDereferenceObject(object);
        }
    }
}
