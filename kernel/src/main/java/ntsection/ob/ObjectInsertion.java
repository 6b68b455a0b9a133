package ntsection.ob;

import ntsection.ke.CurrentThread;
import ntsection.ke.ProcessorMode;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;

import static ntsection.ke.ProcessorMode.KernelMode;
import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Attributes.*;

/**
 * ObInsertObject: names the object (if it has a name) and creates the first handle.
 * With OBJ_OPENIF and an existing object of the same type, that object is opened
 * instead (STATUS_OBJECT_NAME_EXISTS) and the new one discarded. On failure the
 * creator's reference is dropped, which deletes the new object.
 */
final class ObjectInsertion {
    private final ObjectManager ob;

    ObjectInsertion(ObjectManager ob) {
        this.ob = ob;
    }

    /** Where a name lookup left the insertion: the free slot's lookup, or the object already there. */
    private record Target(Lookup lookup, KernelObject existing) {
    }

    NtStatus insert(KernelObject object, ObjectAttributes attributes, int desiredAccess, ProcessorMode mode, LongOut handle) {
        return ob.locked(() -> {
            HandleOpen request = HandleOpen.prepare(ob.entries(), object.type(), attributes.attributes(), desiredAccess, mode);
            Out<Target> target = new Out<>();
            NtStatus status = request.status() != STATUS_SUCCESS ? request.status() : decode(object, attributes, mode, target);
            if (status != STATUS_SUCCESS) {
                ob.obDereferenceObject(object);
                return status;
            }
            if (target.value.existing() != null) {
                NtStatus open = request.open(target.value.existing(), handle);
                ob.obDereferenceObject(object);
                return open == STATUS_SUCCESS ? STATUS_OBJECT_NAME_EXISTS : open;
            }
            object.permanent = attributes.has(OBJ_PERMANENT);
            object.kernelExclusive = attributes.has(OBJ_KERNEL_EXCLUSIVE);
            object.exclusive = attributes.has(OBJ_EXCLUSIVE);
            Lookup lookup = target.value.lookup();
            if (lookup != null) Namespace.insert(lookup.parent(), lookup.component(), object);
            handle.value = request.create(object);
            ob.obDereferenceObject(object);
            return STATUS_SUCCESS;
        });
    }

    /** The checks of insertion itself, then the name: where it goes, or the object that already has it. */
    private NtStatus decode(KernelObject object, ObjectAttributes attributes, ProcessorMode mode, Out<Target> target) {
        if (attributes.has(OBJ_PERMANENT) && mode != KernelMode
                && !CurrentThread.get().currentProcess().token().createPermanentPrivilege()) {
            return STATUS_PRIVILEGE_NOT_HELD;
        }
        if (attributes.has(OBJ_EXCLUSIVE) && attributes.has(OBJ_INHERIT)) return STATUS_INVALID_PARAMETER;
        // An empty name creates an unnamed object and the root directory is ignored, even a bogus one (om.c).
        if (!attributes.hasName()) {
            target.value = new Target(null, null);
            return STATUS_SUCCESS;
        }
        Out<Directory> root = new Out<>();
        NtStatus rootStatus = ob.names().referenceRoot(attributes.rootDirectory(), mode, root);
        if (rootStatus != STATUS_SUCCESS) return rootStatus;
        ObjectType type = object.type();
        boolean caseInsensitive = attributes.has(OBJ_CASE_INSENSITIVE) || type.caseInsensitive();
        Lookup lookup = ob.namespace().walk(root.value, attributes.name(), caseInsensitive);
        if (lookup.status() != STATUS_SUCCESS) return lookup.status();
        if (lookup.parent() == null) return STATUS_OBJECT_NAME_COLLISION;
        KernelObject existing = lookup.object();
        if (existing != null) {
            // Choice (UNCERTAIN: Vista and later may say OBJECT_TYPE_MISMATCH when the types differ, om.c
            // accepts both): an existing name without OBJ_OPENIF is a collision whatever its type.
            if (!attributes.has(OBJ_OPENIF)) return STATUS_OBJECT_NAME_COLLISION;
            if (existing.type() != type) return STATUS_OBJECT_TYPE_MISMATCH;
        }
        target.value = new Target(lookup, existing);
        return STATUS_SUCCESS;
    }
}
