package ntsection.ob;

import ntsection.ke.CurrentThread;
import ntsection.ke.Kernel;
import ntsection.ke.ProcessorMode;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ps.Process;
import ntsection.vf.VerifierHooks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import static ntsection.nt.NtStatus.STATUS_SUCCESS;

/**
 * The object manager (Ob): the boot namespace, the registry of live objects, and the
 * Ob* routines drivers call, each of which delegates to the file that does that one
 * thing (capture, insertion, names, handle entries, references). Changes to names,
 * handle tables and handle counts happen under one lock; referencing an object by
 * handle takes no lock. Close and delete procedures never run under the lock: as in
 * NT, they call into drivers, which may wait or come back into Ob, and a simulated
 * thread blocked on this Java monitor would be invisible to the controlled scheduler.
 */
public final class ObjectManager {
    private static final long OBJECT_SPACE = 0xFFFFA80000000000L;

    final Object lock = new Object();
    /** Procedures the current thread deferred while holding the lock, run once it lets go of it. */
    private final ThreadLocal<List<Runnable>> deferred = ThreadLocal.withInitial(ArrayList::new);
    private final Kernel kernel;
    private final ObjectTypes types;
    private final Namespace namespace;
    private final HandleEntries entries = new HandleEntries(this);
    private final NameLookup names = new NameLookup(this);
    private final ObjectInsertion insertion = new ObjectInsertion(this);
    private final References references = new References(this);
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

    Namespace namespace() {
        return namespace;
    }

    HandleEntries entries() {
        return entries;
    }

    NameLookup names() {
        return names;
    }

    // ---------------------------------------------------------------- the lock

    /**
     * Runs the body under the lock, then, once the outermost hold ends, the procedures it
     * deferred. A body that throws is the system stopping (a bug check, a run unwound),
     * and drivers must not run after that, so its procedures are dropped.
     */
    <T> T locked(Supplier<T> body) {
        T result;
        try {
            synchronized (lock) {
                result = body.get();
            }
        } catch (RuntimeException | Error stop) {
            if (!Thread.holdsLock(lock)) deferred.get().clear();
            throw stop;
        }
        runDeferred();
        return result;
    }

    void locked(Runnable body) {
        locked(() -> {
            body.run();
            return null;
        });
    }

    /** Runs a close or delete procedure now if the lock is free, else when the current thread releases it. */
    void runUnlocked(Runnable procedure) {
        if (Thread.holdsLock(lock)) deferred.get().add(procedure);
        else procedure.run();
    }

    private void runDeferred() {
        if (Thread.holdsLock(lock)) return;
        List<Runnable> pending = deferred.get();
        if (pending.isEmpty()) return;
        // A copy, so a procedure that closes handles itself runs its own deferred work, not its callers'.
        List<Runnable> procedures = new ArrayList<>(pending);
        pending.clear();
        procedures.forEach(Runnable::run);
    }

    /** Whether the current thread holds the lock, for tests that check procedures run outside it. */
    boolean isLockHeld() {
        return Thread.holdsLock(lock);
    }

    // ---------------------------------------------------------------- the registry of live objects

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

    /** Marks an object whose last reference went as deleted, before its type's delete procedure runs. */
    void forget(KernelObject object) {
        synchronized (lock) {
            object.deleted = true;
            live.remove(object);
        }
    }

    /** Every object not yet deleted, for the invariant checker and leak reports. */
    public List<KernelObject> liveObjects() {
        synchronized (lock) {
            return new ArrayList<>(live);
        }
    }

    // ---------------------------------------------------------------- the Ob* routines

    /** ObpCaptureObjectCreateInformation; see {@link AttributeCapture}. */
    public NtStatus captureAttributes(ObjectAttributes attributes, ProcessorMode mode, Out<ObjectAttributes> captured) {
        return AttributeCapture.capture(attributes, mode, captured);
    }

    /** ObInsertObject; see {@link ObjectInsertion}. */
    public NtStatus obInsertObject(KernelObject object, ObjectAttributes attributes, int desiredAccess,
                                   ProcessorMode mode, LongOut handle) {
        return insertion.insert(object, attributes, desiredAccess, mode, handle);
    }

    /** ObOpenObjectByName: a handle to a named object of the given type (null: any). */
    public NtStatus obOpenObjectByName(ObjectAttributes attributes, ObjectType type, ProcessorMode mode,
                                       int desiredAccess, LongOut handle) {
        return names.openByName(attributes, type, mode, desiredAccess, handle);
    }

    /** ObReferenceObjectByName: a pointer reference to a named object, no handle. */
    public NtStatus obReferenceObjectByName(String name, int attributes, int desiredAccess, ObjectType type,
                                            ProcessorMode mode, Out<KernelObject> object) {
        NtStatus status = names.referenceByName(name, attributes, desiredAccess, type, mode, object);
        if (status == STATUS_SUCCESS) referenced(object.value);
        return status;
    }

    /**
     * ObOpenObjectByPointer: a new handle to an object the caller already references.
     * A user-mode request is access-checked.
     */
    public NtStatus obOpenObjectByPointer(KernelObject object, int handleAttributes, int desiredAccess, ObjectType type,
                                         ProcessorMode mode, LongOut handle) {
        return locked(() -> {
            NtStatus status = references.byPointer(object, type, mode);
            if (status != STATUS_SUCCESS) return status;
            try {
                return HandleOpen.open(entries, object, handleAttributes, desiredAccess, mode, handle);
            } finally {
                references.dereference(object);
            }
        });
    }

    /** ObReferenceObjectByHandle; see {@link References#byHandle}. */
    public NtStatus obReferenceObjectByHandle(long handle, int desiredAccess, ObjectType type, ProcessorMode mode,
                                              Out<? super KernelObject> object, Out<HandleInformation> information) {
        return references.byHandle(handle, desiredAccess, type, mode, object, information);
    }

    /** ObReferenceObjectByPointer: no access check; a type mismatch matters only outside kernel mode. */
    public NtStatus obReferenceObjectByPointer(KernelObject object, int desiredAccess, ObjectType type, ProcessorMode mode) {
        NtStatus status = references.byPointer(object, type, mode);
        if (status == STATUS_SUCCESS) referenced(object);
        return status;
    }

    /** ObfReferenceObject: returns the new pointer count. */
    public int obReferenceObject(KernelObject object) {
        int count = references.reference(object);
        referenced(object);
        return count;
    }

    /** Tells a verifier of a reference taken through one of the public Ob routines. */
    private void referenced(KernelObject object) {
        VerifierHooks hooks = kernel.hooks();
        if (hooks != VerifierHooks.NONE && CurrentThread.isSet()) hooks.objectReferenced(CurrentThread.get(), object);
    }

    /** ObfDereferenceObject: returns the new pointer count; at zero the object is deleted. */
    public int obDereferenceObject(KernelObject object) {
        VerifierHooks hooks = kernel.hooks();
        if (hooks != VerifierHooks.NONE && CurrentThread.isSet()) hooks.objectDereferenced(CurrentThread.get(), object);
        return references.dereference(object);
    }

    // ---------------------------------------------------------------- process handle tables

    /** Process rundown: every handle closed, protect-from-close ignored. */
    public void closeAllHandles(Process process) {
        locked(() -> entries.closeAll(process));
    }

    /** ObInitProcess with a parent: the child's empty table receives the parent's inheritable handles at the same values. */
    public void inheritHandles(Process parent, Process child) {
        locked(() -> entries.inherit(parent, child));
    }
}
