package ntsection.ob;

import ntsection.ke.BugCheckCodes;
import ntsection.ke.CurrentThread;
import ntsection.ke.Kernel;
import ntsection.ke.ProcessorMode;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ps.Process;
import ntsection.ps.Thread;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import static ntsection.ke.ProcessorMode.KernelMode;
import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Attributes.*;

/**
 * The object manager (Ob): object creation and insertion, names, handles and
 * references. Changes to names, handle tables and handle counts happen under one lock;
 * referencing an object by handle takes no lock.
 */
public final class ObjectManager {
    private static final long OBJECT_SPACE = 0xFFFFA80000000000L;

    final Object lock = new Object();
    private final Kernel kernel;
    private final ObjectTypes types;
    private final Namespace namespace;
    private final Set<KernelObject> live = Collections.newSetFromMap(new IdentityHashMap<>());
    private long nextAddress = OBJECT_SPACE;
    private Process systemProcess;

    public ObjectManager(Kernel kernel) {
        this.kernel = kernel;
        this.types = new ObjectTypes();
        Directory root = new Directory(types.directory());
        root.name = "";
        root.permanent = true;
        this.namespace = new Namespace(root);
        track(root);
        Directory typeDirectory = bootDirectory("ObjectTypes");
        for (ObjectType t : List.of(types.type(), types.directory(), types.symbolicLink(), types.process(),
                types.thread(), types.section(), types.device(), types.driver(), types.file(), types.event(),
                types.mutant())) {
            track(t);
            t.permanent = true;
            Namespace.insert(typeDirectory, t.typeName(), t);
        }
        bootDirectory("Device");
        bootDirectory("Driver");
        bootDirectory("BaseNamedObjects");
    }

    private Directory bootDirectory(String name) {
        Directory directory = obCreateObject(new Directory(types.directory()));
        directory.permanent = true;
        Namespace.insert(namespace.root(), name, directory);
        return directory;
    }

    /** The System process owns the kernel handle table. */
    public void setSystemProcess(Process system) {
        this.systemProcess = system;
    }

    public ObjectTypes types() {
        return types;
    }

    public Kernel kernel() {
        return kernel;
    }

    public Directory rootDirectory() {
        return namespace.root();
    }

    public HandleTable kernelHandleTable() {
        return systemProcess.handleTable();
    }

    Process kernelHandleTableOwner() {
        return systemProcess;
    }

    /** ObCreateObject: the object is registered with one pointer reference, its creator's. */
    public <T extends KernelObject> T obCreateObject(T object) {
        synchronized (lock) {
            track(object);
        }
        return object;
    }

    private void track(KernelObject object) {
        object.address = nextAddress;
        nextAddress += 0x40;
        live.add(object);
    }

    /** Every object not yet deleted, for the invariant checker and leak reports. */
    public List<KernelObject> liveObjects() {
        synchronized (lock) {
            return new ArrayList<>(live);
        }
    }

    // ---------------------------------------------------------------- attributes

    /**
     * ObpCaptureObjectCreateInformation: unknown flags are an invalid parameter,
     * OBJ_KERNEL_HANDLE from user mode is silently dropped (UNCERTAIN in Wine's notes,
     * which have no test; the choice follows ReactOS's capture), a root without a name
     * is an invalid name. OBJ_KERNEL_EXCLUSIVE is valid from any mode (the capture checks
     * against OBJ_VALID_KERNEL_ATTRIBUTES): a user who sets it only locks itself out of
     * opening the name again.
     */
    public NtStatus captureAttributes(ObjectAttributes attributes, ProcessorMode mode, Out<ObjectAttributes> captured) {
        if ((attributes.attributes() & ~OBJ_VALID_KERNEL_ATTRIBUTES) != 0) return STATUS_INVALID_PARAMETER;
        if (attributes.rootDirectory() != 0 && attributes.name() == null) return STATUS_OBJECT_NAME_INVALID;
        NtStatus length = Namespace.checkNameLength(attributes.name());
        if (length != STATUS_SUCCESS) return length;
        int flags = attributes.attributes();
        if (mode != KernelMode) flags &= ~OBJ_KERNEL_HANDLE;
        captured.value = new ObjectAttributes(attributes.name(), attributes.rootDirectory(), flags);
        return STATUS_SUCCESS;
    }

    // ---------------------------------------------------------------- insertion and names

    /**
     * ObInsertObject: names the object (if it has a name) and creates the first handle.
     * With OBJ_OPENIF and an existing object of the same type, that object is opened
     * instead (STATUS_OBJECT_NAME_EXISTS) and the new one discarded. On failure the
     * creator's reference is dropped, which deletes the new object.
     */
    public NtStatus obInsertObject(KernelObject object, ObjectAttributes attributes, int desiredAccess,
                                   ProcessorMode mode, LongOut handle) {
        synchronized (lock) {
            Insertion insertion = decodeInsert(object, attributes, desiredAccess, mode);
            if (insertion.status().isSuccess()) handle.value = invokeInsert(object, attributes, insertion);
            else obDereferenceObject(object);
            return insertion.status();
        }
    }

    private record Insertion(NtStatus status, Lookup lookup, KernelObject existing, int grantedAccess, boolean kernelHandle) {
        static Insertion failed(NtStatus status) {
            return new Insertion(status, null, null, 0, false);
        }
    }

    private Insertion decodeInsert(KernelObject object, ObjectAttributes attributes, int desiredAccess, ProcessorMode mode) {
        ObjectType type = object.type();
        if ((attributes.attributes() & type.invalidAttributes()) != 0) return Insertion.failed(STATUS_INVALID_PARAMETER);
        if (attributes.has(OBJ_PERMANENT) && mode != KernelMode
                && !CurrentThread.get().currentProcess().token().createPermanentPrivilege()) {
            return Insertion.failed(STATUS_PRIVILEGE_NOT_HELD);
        }
        if (attributes.has(OBJ_EXCLUSIVE) && attributes.has(OBJ_INHERIT)) return Insertion.failed(STATUS_INVALID_PARAMETER);
        boolean kernelHandle = mode == KernelMode && attributes.has(OBJ_KERNEL_HANDLE);
        NtStatus room = checkRoom(kernelHandle);
        if (room != STATUS_SUCCESS) return Insertion.failed(room);
        int granted = grantable(type, desiredAccess);
        // An empty name creates an unnamed object and the root directory is ignored, even a bogus one (om.c).
        if (!attributes.hasName()) {
            return new Insertion(STATUS_SUCCESS, null, null, granted, kernelHandle);
        }
        Out<Directory> root = new Out<>();
        NtStatus rootStatus = referenceRoot(attributes.rootDirectory(), mode, root);
        if (rootStatus != STATUS_SUCCESS) return Insertion.failed(rootStatus);
        boolean caseInsensitive = attributes.has(OBJ_CASE_INSENSITIVE) || type.caseInsensitive();
        Lookup lookup = namespace.walk(root.value, attributes.name(), caseInsensitive);
        if (lookup.status() != STATUS_SUCCESS) return Insertion.failed(lookup.status());
        if (lookup.parent() == null) return Insertion.failed(STATUS_OBJECT_NAME_COLLISION);
        KernelObject existing = lookup.object();
        if (existing == null) return new Insertion(STATUS_SUCCESS, lookup, null, granted, kernelHandle);
        // Choice (UNCERTAIN: Vista and later may say OBJECT_TYPE_MISMATCH when the types differ, om.c
        // accepts both): an existing name without OBJ_OPENIF is a collision whatever its type.
        if (!attributes.has(OBJ_OPENIF)) return Insertion.failed(STATUS_OBJECT_NAME_COLLISION);
        if (existing.type() != type) return Insertion.failed(STATUS_OBJECT_TYPE_MISMATCH);
        NtStatus open = checkNewHandle(existing, granted, attributes.attributes(), mode, kernelHandle);
        if (open != STATUS_SUCCESS) return Insertion.failed(open);
        return new Insertion(STATUS_OBJECT_NAME_EXISTS, lookup, existing, granted, kernelHandle);
    }

    private long invokeInsert(KernelObject object, ObjectAttributes attributes, Insertion insertion) {
        int handleAttributes = attributes.attributes();
        if (insertion.existing() != null) {
            long handle = createHandle(insertion.existing(), insertion.grantedAccess(), handleAttributes, insertion.kernelHandle());
            obDereferenceObject(object);
            return handle;
        }
        object.permanent = attributes.has(OBJ_PERMANENT);
        object.kernelExclusive = attributes.has(OBJ_KERNEL_EXCLUSIVE);
        object.exclusive = attributes.has(OBJ_EXCLUSIVE);
        if (insertion.lookup() != null) Namespace.insert(insertion.lookup().parent(), insertion.lookup().component(), object);
        long handle = createHandle(object, insertion.grantedAccess(), handleAttributes, insertion.kernelHandle());
        obDereferenceObject(object);
        return handle;
    }

    /** Access a new handle is granted: generic rights mapped, then limited to the type's valid rights. */
    static int grantable(ObjectType type, int desiredAccess) {
        return type.mapping().map(desiredAccess) & (type.validAccessMask() | Access.ACCESS_SYSTEM_SECURITY);
    }

    private NtStatus referenceRoot(long rootHandle, ProcessorMode mode, Out<Directory> root) {
        if (rootHandle == 0) return STATUS_SUCCESS;
        Out<KernelObject> object = new Out<>();
        NtStatus status = obReferenceObjectByHandle(rootHandle, 0, types.directory(), mode, object, null);
        if (status != STATUS_SUCCESS) return status;
        // The lock is held for the whole lookup, so the handle's reference keeps the directory alive.
        obDereferenceObject(object.value);
        root.value = (Directory) object.value;
        return STATUS_SUCCESS;
    }

    /**
     * ObOpenObjectByName: finds a named object of the given type (null: any) and opens a
     * handle to it after an access check in the probe mode.
     */
    public NtStatus obOpenObjectByName(ObjectAttributes attributes, ObjectType type, ProcessorMode mode,
                                       int desiredAccess, LongOut handle) {
        if (attributes == null) return STATUS_INVALID_PARAMETER;
        synchronized (lock) {
            Out<KernelObject> found = new Out<>();
            NtStatus status = lookupForOpen(attributes, type, mode, found);
            if (status != STATUS_SUCCESS) return status;
            KernelObject object = found.value;
            if ((attributes.attributes() & object.type().invalidAttributes()) != 0) return STATUS_INVALID_PARAMETER;
            boolean kernelHandle = mode == KernelMode && attributes.has(OBJ_KERNEL_HANDLE);
            NtStatus room = checkRoom(kernelHandle);
            if (room != STATUS_SUCCESS) return room;
            int granted = grantable(object.type(), desiredAccess);
            NtStatus open = checkNewHandle(object, granted, attributes.attributes(), mode, kernelHandle);
            if (open != STATUS_SUCCESS) return open;
            handle.value = createHandle(object, granted, attributes.attributes(), kernelHandle);
            return STATUS_SUCCESS;
        }
    }

    /** ObReferenceObjectByName: a pointer reference to a named object, no handle. */
    public NtStatus obReferenceObjectByName(String name, int attributes, int desiredAccess, ObjectType type,
                                            ProcessorMode mode, Out<KernelObject> object) {
        if (name == null || name.isEmpty()) return STATUS_OBJECT_NAME_INVALID;
        synchronized (lock) {
            Out<KernelObject> found = new Out<>();
            NtStatus status = lookupForOpen(ObjectAttributes.named(name, attributes), type, mode, found);
            if (status != STATUS_SUCCESS) return status;
            ProcessorMode probeMode = (attributes & OBJ_FORCE_ACCESS_CHECK) != 0 ? ProcessorMode.UserMode : mode;
            int granted = grantable(found.value.type(), desiredAccess);
            if (probeMode != KernelMode) {
                NtStatus access = AccessCheck.check(found.value, granted, probeMode);
                if (access != STATUS_SUCCESS) return access;
            }
            found.value.incrementPointerCount();
            object.value = found.value;
            return STATUS_SUCCESS;
        }
    }

    private NtStatus lookupForOpen(ObjectAttributes attributes, ObjectType type, ProcessorMode mode, Out<KernelObject> found) {
        if (attributes.name() == null && attributes.rootDirectory() == 0) return STATUS_OBJECT_PATH_SYNTAX_BAD;
        Out<Directory> root = new Out<>();
        NtStatus rootStatus = referenceRoot(attributes.rootDirectory(), mode, root);
        if (rootStatus != STATUS_SUCCESS) return rootStatus;
        boolean caseInsensitive = attributes.has(OBJ_CASE_INSENSITIVE) || type == null || type.caseInsensitive();
        Lookup lookup = namespace.find(root.value, attributes.name(), caseInsensitive);
        if (lookup.status() != STATUS_SUCCESS) return lookup.status();
        if (type != null && lookup.object().type() != type) return STATUS_OBJECT_TYPE_MISMATCH;
        found.value = lookup.object();
        return STATUS_SUCCESS;
    }

    /**
     * The name goes with the last handle unless the object is permanent
     * (ObpDeleteNameCheck): the directory's reference on the object and the name's
     * reference on the directory are dropped.
     */
    void deleteNameCheck(KernelObject object) {
        if (object.handleCount == 0 && object.directory != null && !object.permanent) {
            obDereferenceObject(Namespace.unlink(object));
            obDereferenceObject(object);
        }
    }

    // ---------------------------------------------------------------- handles

    private NtStatus checkRoom(boolean kernelHandle) {
        Process process = kernelHandle ? systemProcess : CurrentThread.get().currentProcess();
        if (process.isTerminating() && !kernelHandle) return STATUS_PROCESS_IS_TERMINATING;
        return process.handleTable().hasRoom() ? STATUS_SUCCESS : STATUS_INSUFFICIENT_RESOURCES;
    }

    /** The process whose table a new handle goes in: System for a kernel handle, else the current (attached) one. */
    private Process handleOwner(boolean kernelHandle) {
        return kernelHandle ? systemProcess : CurrentThread.get().currentProcess();
    }

    /**
     * What NT refuses before adding a handle to an existing object
     * (ObpIncrementHandleCount): the exclusive rule, then the security check in the
     * probe mode, which OBJ_FORCE_ACCESS_CHECK makes user.
     */
    private NtStatus checkNewHandle(KernelObject object, int grantedAccess, int attributes, ProcessorMode mode, boolean kernelHandle) {
        NtStatus exclusive = Exclusivity.check(object, attributes, handleOwner(kernelHandle));
        if (exclusive != STATUS_SUCCESS) return exclusive;
        ProcessorMode probeMode = (attributes & OBJ_FORCE_ACCESS_CHECK) != 0 ? ProcessorMode.UserMode : mode;
        return AccessCheck.check(object, grantedAccess, probeMode);
    }

    /**
     * Makes a handle in the kernel table (returned with the kernel bit) or in the
     * current process's table. The handle holds a handle count and a pointer reference.
     */
    long createHandle(KernelObject object, int grantedAccess, int attributes, boolean kernelHandle) {
        long handle = insertHandle(handleOwner(kernelHandle), object, grantedAccess, attributes);
        return kernelHandle ? Handles.toKernelHandle(handle) : handle;
    }

    /** Adds the entry; an exclusive handle makes its process the object's owner. The entry keeps only handle attributes. */
    long insertHandle(Process process, KernelObject object, int grantedAccess, int attributes) {
        object.handleCount++;
        object.incrementPointerCount();
        if ((attributes & OBJ_EXCLUSIVE) != 0) object.exclusiveOwner = process;
        return process.handleTable().insert(new HandleEntry(object, grantedAccess, attributes & OBJ_HANDLE_ATTRIBUTES));
    }

    /** Removes a handle's entry: the handle count drops, the name may go, then the pointer reference. */
    void destroyHandle(HandleTable table, long handle, HandleEntry entry) {
        table.remove(handle);
        KernelObject object = entry.object();
        // The last handle frees an exclusive object for a new owner.
        if (--object.handleCount == 0) object.exclusiveOwner = null;
        object.type().close(object);
        deleteNameCheck(object);
        obDereferenceObject(object);
    }

    /** Process rundown: every handle closed, protect-from-close ignored. */
    public void closeAllHandles(Process process) {
        synchronized (lock) {
            HandleTable table = process.handleTable();
            for (long handle : table.handles()) destroyHandle(table, handle, table.lookup(handle));
        }
    }

    /**
     * ObOpenObjectByPointer: a new handle to an object the caller already references.
     * A user-mode request is access-checked.
     */
    public NtStatus obOpenObjectByPointer(KernelObject object, int handleAttributes, int desiredAccess, ObjectType type,
                                         ProcessorMode mode, LongOut handle) {
        synchronized (lock) {
            NtStatus status = obReferenceObjectByPointer(object, 0, type, mode);
            if (status != STATUS_SUCCESS) return status;
            try {
                if ((handleAttributes & object.type().invalidAttributes()) != 0) return STATUS_INVALID_PARAMETER;
                boolean kernelHandle = mode == KernelMode && (handleAttributes & OBJ_KERNEL_HANDLE) != 0;
                NtStatus room = checkRoom(kernelHandle);
                if (room != STATUS_SUCCESS) return room;
                int granted = grantable(object.type(), desiredAccess);
                NtStatus open = checkNewHandle(object, granted, handleAttributes, mode, kernelHandle);
                if (open != STATUS_SUCCESS) return open;
                handle.value = createHandle(object, granted, handleAttributes, kernelHandle);
                return STATUS_SUCCESS;
            } finally {
                obDereferenceObject(object);
            }
        }
    }

    // ---------------------------------------------------------------- references

    /**
     * ObReferenceObjectByHandle, in NT's order: pseudo-handles; kernel handles (only
     * for kernel mode); the current process's table; the type; the access (user mode
     * only, bitwise against the granted mask); then a pointer reference.
     */
    public NtStatus obReferenceObjectByHandle(long handle, int desiredAccess, ObjectType type, ProcessorMode mode,
                                              Out<? super KernelObject> object, Out<HandleInformation> information) {
        object.value = null;
        Thread thread = CurrentThread.get();
        if (handle == Handles.NtCurrentProcess || handle == Handles.NtCurrentThread) {
            return referencePseudoHandle(thread, handle, desiredAccess, type, mode, object, information);
        }
        HandleTable table;
        long index = handle;
        if (Handles.hasKernelBit(handle)) {
            if (mode != KernelMode) return STATUS_INVALID_HANDLE;
            table = systemProcess.handleTable();
            index = Handles.fromKernelHandle(handle);
        } else {
            table = thread.currentProcess().handleTable();
        }
        return table.reference(index, type, desiredAccess, mode != KernelMode, object, information);
    }

    private NtStatus referencePseudoHandle(Thread thread, long handle, int desiredAccess, ObjectType type,
                                           ProcessorMode mode, Out<? super KernelObject> object,
                                           Out<HandleInformation> information) {
        boolean process = handle == Handles.NtCurrentProcess;
        ObjectType expected = process ? types.process() : types.thread();
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
    public NtStatus obReferenceObjectByPointer(KernelObject object, int desiredAccess, ObjectType type, ProcessorMode mode) {
        if (type != null && object.type() != type && (mode != KernelMode || type == types.symbolicLink())) {
            return STATUS_OBJECT_TYPE_MISMATCH;
        }
        obReferenceObject(object);
        return STATUS_SUCCESS;
    }

    /** ObfReferenceObject: returns the new pointer count. */
    public int obReferenceObject(KernelObject object) {
        if (object.deleted) {
            // Model choice: touching a deleted object stops the system the way Windows does
            // when a count goes wrong, instead of silently resurrecting it.
            throw kernel.keBugCheckEx(BugCheckCodes.REFERENCE_BY_POINTER, object.type().address(), object.address(), 0, 1);
        }
        return object.incrementPointerCount();
    }

    /**
     * ObfDereferenceObject: returns the new pointer count. At zero the object is deleted
     * (the type's delete procedure runs). Dropping below the handle count is
     * REFERENCE_BY_POINTER, as on Windows.
     */
    public int obDereferenceObject(KernelObject object) {
        int count = object.decrementPointerCount();
        if (count < 0 || (count == 0 && object.handleCount > 0) || object.deleted) {
            throw kernel.keBugCheckEx(BugCheckCodes.REFERENCE_BY_POINTER, object.type().address(), object.address(),
                    object.handleCount, count);
        }
        if (count == 0) delete(object);
        return count;
    }

    private void delete(KernelObject object) {
        synchronized (lock) {
            object.deleted = true;
            live.remove(object);
        }
        object.type().delete(object);
    }
}
