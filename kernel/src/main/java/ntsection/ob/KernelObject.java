package ntsection.ob;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The object header every executive object carries: its type, its handle and pointer
 * counts, its name and directory, and the permanent and exclusive flags. The body is
 * the subclass. An object is deleted when its pointer count reaches zero; every handle
 * holds one pointer reference and a name in a directory holds one more. Choice: the
 * pre-Windows 8 counts ReactOS's kmtests assert, without Windows 8's per-handle bias.
 */
public abstract class KernelObject {
    private static final VarHandle POINTER_COUNT;

    static {
        try {
            POINTER_COUNT = MethodHandles.lookup().findVarHandle(KernelObject.class, "pointerCount", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ObjectType type;
    @SuppressWarnings("unused") // through POINTER_COUNT
    private volatile int pointerCount = 1;
    int handleCount;
    String name;
    Directory directory;
    boolean permanent;
    boolean kernelExclusive;
    boolean exclusive;
    Object exclusiveOwner;
    volatile boolean deleted;
    long address;

    /** ObCreateObject: a new object has one pointer reference (the creator's) and no handle. */
    protected KernelObject(ObjectType type) {
        this.type = type == null ? (ObjectType) this : type;
    }

    public final ObjectType type() {
        return type;
    }

    public final int pointerCount() {
        return (int) POINTER_COUNT.getVolatile(this);
    }

    public final int handleCount() {
        return handleCount;
    }

    /** The name inside its directory, or null when unnamed or after the name went. */
    public final String name() {
        return name;
    }

    /** The full path, or null when the object, or a directory above it, has no name in the namespace. */
    public final String path() {
        if (name == null) return null;
        if (directory == null) return name.isEmpty() ? "\\" : null;
        String parent = directory.path();
        if (parent == null) return null;
        return (parent.equals("\\") ? "" : parent) + "\\" + name;
    }

    public final boolean isPermanent() {
        return permanent;
    }

    public final boolean isKernelExclusive() {
        return kernelExclusive;
    }

    /** Where the body would sit in system space: unique, and the same on every run. */
    public final long address() {
        return address;
    }

    public final boolean isDeleted() {
        return deleted;
    }

    final int incrementPointerCount() {
        return (int) POINTER_COUNT.getAndAdd(this, 1) + 1;
    }

    /** Takes a reference unless the object is already on its way to deletion. */
    final boolean tryReference() {
        int count;
        do {
            count = (int) POINTER_COUNT.getVolatile(this);
            if (count <= 0) return false;
        } while (!POINTER_COUNT.compareAndSet(this, count, count + 1));
        return true;
    }

    final int decrementPointerCount() {
        return (int) POINTER_COUNT.getAndAdd(this, -1) - 1;
    }

    /** A short description for reports: type, name or identity. */
    public String describe() {
        String path = path();
        if (path != null) return type.typeName() + " " + path;
        if (directory != null) return type.typeName() + " " + name + " (in an unnamed directory)";
        return type.typeName() + (name != null ? " (was " + name + ")" : " (unnamed)");
    }

    @Override
    public String toString() {
        return describe();
    }
}
