package ntsection.ob;

import java.util.function.Consumer;

/**
 * An object type (OBJECT_TYPE): itself an object, named under \ObjectTypes. Its
 * generic mapping, valid access mask, invalid attributes and case rule are the values
 * ReactOS's ObTypes kmtest asserts on Windows Server 2003.
 */
public final class ObjectType extends KernelObject {
    private final String typeName;
    private final GenericMapping mapping;
    private final int validAccessMask;
    private final int invalidAttributes;
    private final boolean caseInsensitive;
    private volatile Consumer<KernelObject> deleteProcedure = o -> { };
    private volatile Consumer<KernelObject> closeProcedure = o -> { };

    ObjectType(ObjectType typeType, String typeName, GenericMapping mapping, int validAccessMask,
               int invalidAttributes, boolean caseInsensitive) {
        super(typeType);
        this.typeName = typeName;
        this.mapping = mapping;
        this.validAccessMask = validAccessMask;
        this.invalidAttributes = invalidAttributes;
        this.caseInsensitive = caseInsensitive;
    }

    public String typeName() {
        return typeName;
    }

    public GenericMapping mapping() {
        return mapping;
    }

    public int validAccessMask() {
        return validAccessMask;
    }

    public int invalidAttributes() {
        return invalidAttributes;
    }

    public boolean caseInsensitive() {
        return caseInsensitive;
    }

    /** Runs when an object of this type is deleted (its last pointer reference went), outside Ob's lock. */
    public void setDeleteProcedure(Consumer<KernelObject> procedure) {
        this.deleteProcedure = procedure;
    }

    /**
     * Runs when a handle to an object of this type is closed, after its entry is gone and
     * the handle count dropped, before the name check; outside Ob's lock, so it may wait
     * or close handles itself. The handle count it reads is the one at that moment.
     */
    public void setCloseProcedure(Consumer<KernelObject> procedure) {
        this.closeProcedure = procedure;
    }

    void delete(KernelObject object) {
        deleteProcedure.accept(object);
    }

    void close(KernelObject object) {
        closeProcedure.accept(object);
    }

    @Override
    public String toString() {
        return "Type " + typeName;
    }
}
