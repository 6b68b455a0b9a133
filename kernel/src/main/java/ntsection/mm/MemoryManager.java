package ntsection.mm;

import ntsection.ob.ObjectManager;

/**
 * The memory manager (Mm): physical memory and the section type's lifetime rule (a
 * deleted section object releases its control area, whose frames go once no view
 * remains).
 */
public final class MemoryManager {
    private final ObjectManager ob;
    private final PhysicalMemory physicalMemory;

    public MemoryManager(ObjectManager ob, int physicalPages) {
        this.ob = ob;
        this.physicalMemory = new PhysicalMemory(physicalPages);
        ob.types().section().setDeleteProcedure(object -> ((Section) object).controlArea().sectionDeleted());
    }

    public PhysicalMemory physicalMemory() {
        return physicalMemory;
    }

    public ObjectManager ob() {
        return ob;
    }
}
