package ntsection.mm;

import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.ob.ObjectManager;

/**
 * The memory manager (Mm): physical memory, the section type's lifetime rule (a
 * deleted section object releases its control area, whose frames go once no view
 * remains), the system view space shared by every kernel context, and the view,
 * virtual-memory, access and probe services over them.
 */
public final class MemoryManager {
    private final ObjectManager ob;
    private final PhysicalMemory physicalMemory;
    private final AddressSpace systemSpace = AddressSpace.systemViewSpace();
    private final ViewServices views;
    private final VirtualMemoryServices virtualMemory;
    private final MemoryAccess access;
    private final Probe probe;

    public MemoryManager(ObjectManager ob, int physicalPages) {
        this.ob = ob;
        this.physicalMemory = new PhysicalMemory(physicalPages);
        ob.types().section().setDeleteProcedure(object -> ((Section) object).controlArea().sectionDeleted());
        this.views = new ViewServices(ob, physicalMemory, systemSpace);
        this.virtualMemory = new VirtualMemoryServices(ob, physicalMemory);
        this.access = new MemoryAccess(ob.kernel(), systemSpace, physicalMemory);
        this.probe = new Probe(access);
    }

    public PhysicalMemory physicalMemory() {
        return physicalMemory;
    }

    public ObjectManager ob() {
        return ob;
    }

    /** The system view space: where MmMapViewInSystemSpace puts views, visible from every kernel context. */
    public AddressSpace systemSpace() {
        return systemSpace;
    }

    /** NtMapViewOfSection, NtUnmapViewOfSection and the system-space view routines. */
    public ViewServices views() {
        return views;
    }

    /** NtProtectVirtualMemory, NtQueryVirtualMemory, NtAllocateVirtualMemory, NtFreeVirtualMemory. */
    public VirtualMemoryServices virtualMemory() {
        return virtualMemory;
    }

    /** Loads, stores and copies through virtual addresses in the current thread's context. */
    public MemoryAccess access() {
        return access;
    }

    /** ProbeForRead and ProbeForWrite. */
    public Probe probe() {
        return probe;
    }

    /** MmMapViewInSystemSpace. */
    public NtStatus mmMapViewInSystemSpace(Section section, LongOut mappedBase, LongOut viewSize) {
        return views.mmMapViewInSystemSpace(section, mappedBase, viewSize);
    }

    /** MmUnmapViewInSystemSpace: bug-checks DRIVER_UNMAPPING_INVALID_VIEW for an address that is not a system view. */
    public NtStatus mmUnmapViewInSystemSpace(long mappedBase) {
        return views.mmUnmapViewInSystemSpace(mappedBase);
    }
}
