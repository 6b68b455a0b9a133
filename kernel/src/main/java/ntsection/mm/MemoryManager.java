package ntsection.mm;

import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.ob.HandleServices;
import ntsection.ob.ObjectAttributes;
import ntsection.ob.ObjectManager;

import static ntsection.ke.ProcessorMode.KernelMode;
import static ntsection.mm.PageProtection.*;
import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static ntsection.ob.Attributes.*;

/**
 * The memory manager (Mm): physical memory, the commit charge, the section services,
 * the section type's lifetime rule (a deleted section object releases its control
 * area, whose frames and commit go once no view remains, and its based range at once),
 * the system view space shared by every kernel context, and the view, virtual-memory,
 * access and probe services over them.
 */
public final class MemoryManager {
    public static final String PHYSICAL_MEMORY_NAME = "\\Device\\PhysicalMemory";

    private final ObjectManager ob;
    private final PhysicalMemory physicalMemory;
    private final CommitCharge commitCharge;
    private final BasedSections basedSections = new BasedSections();
    private final SectionServices sections;
    private Section physicalMemorySection;
    private final AddressSpace systemSpace = AddressSpace.systemViewSpace();
    private final ViewServices views;
    private final VirtualMemoryServices virtualMemory;
    private final MemoryAccess access;
    private final Probe probe;

    public MemoryManager(ObjectManager ob, int physicalPages) {
        this.ob = ob;
        this.physicalMemory = new PhysicalMemory(physicalPages);
        // No page file: every committed page must be able to get a frame of its own.
        this.commitCharge = new CommitCharge(physicalPages);
        this.sections = new SectionServices(ob, physicalMemory, commitCharge, basedSections);
        ob.types().section().setDeleteProcedure(object -> {
            Section section = (Section) object;
            if (section.isBased()) basedSections.release(section.baseAddress());
            section.controlArea().sectionDeleted();
        });
        this.views = new ViewServices(ob, physicalMemory, commitCharge, systemSpace);
        this.virtualMemory = new VirtualMemoryServices(ob, physicalMemory, commitCharge);
        this.access = new MemoryAccess(ob.kernel(), systemSpace, physicalMemory);
        this.probe = new Probe(access);
    }

    /**
     * Boot step, on a system thread: \Device\PhysicalMemory, a permanent section over
     * every frame that only kernel-mode opens may reach (OBJ_KERNEL_EXCLUSIVE). Its boot
     * handle is closed again; the name keeps it.
     */
    public void createPhysicalMemorySection(HandleServices handles) {
        // Model choice: NtQuerySection reports it as SEC_COMMIT, the page-file-backed kind
        // whose pages are all present; NT's internal marker for it has no public value.
        Section section = ob.obCreateObject(new Section(ob.types().section(), ControlArea.physicalMemory(physicalMemory),
                physicalMemory.sizeInBytes(), PAGE_EXECUTE_READWRITE, SEC_COMMIT, 0));
        LongOut handle = new LongOut();
        ObjectAttributes attributes = ObjectAttributes.named(PHYSICAL_MEMORY_NAME,
                OBJ_PERMANENT | OBJ_KERNEL_EXCLUSIVE | OBJ_KERNEL_HANDLE);
        NtStatus status = ob.obInsertObject(section, attributes, SECTION_ALL_ACCESS, KernelMode, handle);
        if (status != STATUS_SUCCESS) throw new IllegalStateException("boot could not name " + PHYSICAL_MEMORY_NAME + ": " + status);
        handles.close(handle.value, KernelMode);
        this.physicalMemorySection = section;
    }

    public PhysicalMemory physicalMemory() {
        return physicalMemory;
    }

    public ObjectManager ob() {
        return ob;
    }

    /** NtCreateSection, NtOpenSection, NtQuerySection, and the section reference views start from. */
    public SectionServices sections() {
        return sections;
    }

    /** The \Device\PhysicalMemory section object. */
    public Section physicalMemorySection() {
        return physicalMemorySection;
    }

    /** Pages charged now, system-wide. */
    public long committedPages() {
        return commitCharge.charged();
    }

    /** The most pages that can be charged at once: the physical frames. */
    public long commitLimit() {
        return commitCharge.limit();
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

    /** MmProbeAndLockPages' memory half, in the current context: {@link MemoryAccess#lockPages}. */
    public int[] lockPages(long address, long length, boolean write) {
        return access.lockPages(address, length, write, physicalMemory);
    }

    /** MmUnlockPages: the frames' pins go; a frame its owner freed meanwhile goes back now. */
    public void unlockPages(int[] frames) {
        for (int frame : frames) physicalMemory.unpin(frame);
    }

    /**
     * Maps locked frames into system space (MmMapLockedPagesSpecifyCache, KernelMode):
     * the base of the mapping, or -1 when system space is full.
     */
    public long mapLockedPages(int[] frames, boolean writable) {
        long bytes = (long) frames.length << PageProtection.PAGE_SHIFT;
        synchronized (systemSpace) {
            long base = systemSpace.findFree(bytes, AddressLimits.SYSTEM_VIEW_END, false);
            if (base == -1) return -1;
            systemSpace.insert(new LockedPagesVad(base, frames, writable ? PAGE_READWRITE : PAGE_READONLY, physicalMemory));
            return base;
        }
    }

    /** MmUnmapLockedPages: the system mapping made by {@link #mapLockedPages} goes; the frames stay pinned. */
    public void unmapLockedPages(long base) {
        synchronized (systemSpace) {
            if (!(systemSpace.find(base) instanceof LockedPagesVad mapping) || mapping.start != base) {
                throw new IllegalArgumentException("no locked-pages mapping at " + Long.toHexString(base));
            }
            systemSpace.remove(mapping);
        }
    }
}
