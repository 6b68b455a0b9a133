package ntsection.mm;

import ntsection.ke.BugCheckCodes;
import ntsection.ke.CurrentThread;
import ntsection.ke.Kernel;
import ntsection.ke.ProcessorMode;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ob.KernelObject;
import ntsection.ob.ObjectManager;
import ntsection.ps.Process;
import ntsection.ps.ProcessAccess;
import ntsection.vf.VerifierHooks;

import static ntsection.ke.ProcessorMode.UserMode;
import static ntsection.mm.AddressLimits.*;
import static ntsection.mm.PageProtection.*;
import static ntsection.nt.NtStatus.*;

/**
 * NtMapViewOfSection and NtUnmapViewOfSection into a process's user range, and
 * MmMapViewInSystemSpace and MmUnmapViewInSystemSpace. Each service first decides,
 * without changing anything, whether the request is valid (in NT's order of checks,
 * so the status is the one NT returns first), then carries it out in steps that cannot
 * fail. A view counts on its control area, not on the section object: closing the
 * section's last handle leaves the view and its data in place.
 */
public final class ViewServices {
    /**
     * What x64 accepts in AllocationType (MEM_DOS_LIM is x86 only, so it and
     * AT_ROUND_TO_PAGE are INVALID_PARAMETER_9). MEM_LARGE_PAGES only asks for large
     * pages where they fit; the model's pages are all small, which NT also may give.
     */
    private static final int VALID_MAP_ALLOCATION_TYPES = MEM_TOP_DOWN | MEM_LARGE_PAGES | SEC_NO_CHANGE | MEM_RESERVE;

    private final ObjectManager ob;
    private final Kernel kernel;
    private final PhysicalMemory memory;
    private final CommitCharge commitCharge;
    private final AddressSpace system;

    ViewServices(ObjectManager ob, PhysicalMemory memory, CommitCharge commitCharge, AddressSpace system) {
        this.ob = ob;
        this.kernel = ob.kernel();
        this.memory = memory;
        this.commitCharge = commitCharge;
        this.system = system;
    }

    /**
     * A validated map request: where the view goes is decided under the target space's
     * lock. {@code base} is 0 for "the system picks"; {@code cacheModifier} is
     * PAGE_NOCACHE for a SEC_NOCACHE section.
     */
    private record MapRequest(ControlArea controlArea, long base, long pages, long offset, long highestAddress,
                              int protect, int cacheModifier, long commitPages, boolean topDown, boolean noChange,
                              boolean reserveSection) {
    }

    /**
     * NtMapViewOfSection. {@code sectionOffset} may be null (offset 0). Outputs are
     * written only on success: the base, the page-rounded view size and the offset.
     */
    public NtStatus mapViewOfSection(long sectionHandle, long processHandle, LongOut baseAddress, long zeroBits,
                                     long commitSize, LongOut sectionOffset, LongOut viewSize, int inheritDisposition,
                                     int allocationType, int win32Protect, ProcessorMode mode) {
        if (inheritDisposition != ViewShare && inheritDisposition != ViewUnmap) return STATUS_INVALID_PARAMETER_8;
        if ((allocationType & ~VALID_MAP_ALLOCATION_TYPES) != 0) return STATUS_INVALID_PARAMETER_9;
        if (!ProtectionMask.isValid(win32Protect)) return STATUS_INVALID_PAGE_PROTECTION;
        int sectionAccess = ProtectionMask.sectionAccessFor(win32Protect);
        NtStatus captured = OutputCapture.capture(mode, baseAddress, viewSize);
        if (captured != STATUS_SUCCESS) return captured;
        long base = baseAddress.value;
        long size = viewSize.value;
        long offset = sectionOffset == null ? 0 : sectionOffset.value;
        if (Long.compareUnsigned(base, MM_HIGHEST_VAD_ADDRESS) > 0) return STATUS_INVALID_PARAMETER_3;
        if (Long.compareUnsigned(MM_HIGHEST_VAD_ADDRESS - base, size) < 0) return STATUS_INVALID_PARAMETER_3;
        long highestAddress = ZeroBits.highestAddress(zeroBits);
        if (highestAddress == ZeroBits.INVALID) return STATUS_INVALID_PARAMETER_4;
        if (base != 0 && zeroBits != 0 && (base > highestAddress || (size != 0 && base + size - 1 > highestAddress))) {
            return STATUS_INVALID_PARAMETER_4;
        }

        Out<KernelObject> process = new Out<>();
        NtStatus status = ob.obReferenceObjectByHandle(processHandle, ProcessAccess.PROCESS_VM_OPERATION,
                ob.types().process(), mode, process, null);
        if (status != STATUS_SUCCESS) return status;
        try {
            Out<KernelObject> section = new Out<>();
            status = ob.obReferenceObjectByHandle(sectionHandle, sectionAccess, ob.types().section(), mode, section, null);
            if (status != STATUS_SUCCESS) return status;
            try {
                Out<MapRequest> request = new Out<>();
                status = decodeMap((Section) section.value, base, size, offset, commitSize, highestAddress,
                        allocationType, win32Protect, mode, request);
                if (status != STATUS_SUCCESS) return status;
                status = place((Process) process.value, request.value, baseAddress, sectionOffset, viewSize);
                VerifierHooks hooks = kernel.hooks();
                if (status == STATUS_SUCCESS && hooks != VerifierHooks.NONE) {
                    hooks.viewMapped(CurrentThread.get(), (Process) process.value, (Section) section.value,
                            baseAddress.value, viewSize.value);
                }
                return status;
            } finally {
                ob.obDereferenceObject(section.value);
            }
        } finally {
            ob.obDereferenceObject(process.value);
        }
    }

    /**
     * The section-dependent checks, after the handles: alignment (PhysicalMemory is
     * exempt and rounds its offset down to a page instead), the end of RAM for user
     * mode, protection against the section's, then sizes.
     */
    private NtStatus decodeMap(Section section, long base, long size, long offset, long commitSize, long highestAddress,
                               int allocationType, int protect, ProcessorMode mode, Out<MapRequest> request) {
        ControlArea controlArea = section.controlArea();
        boolean physical = controlArea.isPhysicalMemory();
        if (physical) {
            long inPage = offset & (PAGE_SIZE - 1);
            offset -= inPage;
            if (size != 0) size += inPage;
            base = pageRoundDown(base);
            if (mode == UserMode && Long.compareUnsigned(offset + size, memory.sizeInBytes()) > 0) return STATUS_INVALID_PARAMETER_6;
        } else if ((base & (MM_ALLOCATION_GRANULARITY - 1)) != 0 || (offset & (MM_ALLOCATION_GRANULARITY - 1)) != 0) {
            return STATUS_MAPPED_ALIGNMENT;
        }
        if (!ProtectionMask.compatible(section.protection(), protect)) return STATUS_SECTION_PROTECTION;
        // MEM_RESERVE is for file-backed views; every section the model has is page-file-backed or physical.
        if ((allocationType & MEM_RESERVE) != 0) return STATUS_INVALID_PARAMETER_9;
        if ((protect & PAGE_WRITECOMBINE) != 0 && !physical) return STATUS_INVALID_PARAMETER_10;
        long sectionSize = section.size();
        if (Long.compareUnsigned(offset, sectionSize) >= 0) return STATUS_INVALID_VIEW_SIZE;
        if (size == 0) size = sectionSize - offset;
        else if (Long.compareUnsigned(size, sectionSize - offset) > 0) return STATUS_INVALID_VIEW_SIZE;
        long rounded = pageRoundUp(size);
        if (rounded > MM_HIGHEST_VAD_ADDRESS - MM_LOWEST_USER_ADDRESS) return STATUS_INVALID_VIEW_SIZE;
        if (Long.compareUnsigned(commitSize, size) > 0) return STATUS_INVALID_PARAMETER_5;
        // §3.1 step 14: a NULL base maps a SEC_BASED section at its based address (plus
        // the offset, so that every view of a byte sits at one address in every process);
        // if that range is taken the map fails like any given base that does not fit.
        if (base == 0 && section.isBased()) base = section.baseAddress() + offset;
        int cacheModifier = (section.allocationAttributes() & SEC_NOCACHE) != 0 ? PAGE_NOCACHE : 0;
        request.value = new MapRequest(controlArea, base, rounded >>> PAGE_SHIFT, offset, highestAddress, protect,
                cacheModifier, pageRoundUp(commitSize) >>> PAGE_SHIFT, (allocationType & MEM_TOP_DOWN) != 0,
                (allocationType & SEC_NO_CHANGE) != 0, (section.allocationAttributes() & SEC_RESERVE) != 0);
        return STATUS_SUCCESS;
    }

    /**
     * Finds room in the target (the given base, or the lowest or highest free 64 KiB-aligned
     * range), takes the commit the view needs, and maps. Everything that can fail (the
     * range, then the charges) is decided before the view is counted or inserted.
     */
    private NtStatus place(Process target, MapRequest request, LongOut baseAddress, LongOut sectionOffset, LongOut viewSize) {
        AddressSpace space = target.addressSpace();
        long bytes = request.pages() << PAGE_SHIFT;
        long base = request.base();
        synchronized (space) {
            if (target.isTerminating()) return STATUS_PROCESS_IS_TERMINATING;
            if (base == 0) {
                base = space.findFree(bytes, request.highestAddress(), request.topDown());
                if (base < 0) return STATUS_NO_MEMORY;
            } else if (!space.isFree(base, base + bytes)) {
                return STATUS_CONFLICTING_ADDRESSES;
            }
            NtStatus status = chargeView(request);
            if (status != STATUS_SUCCESS) return status;
            space.insert(newView(base, request));
        }
        baseAddress.value = base;
        viewSize.value = bytes;
        if (sectionOffset != null) sectionOffset.value = request.offset();
        return STATUS_SUCCESS;
    }

    /**
     * The commit a view takes at map time: a copy-on-write view's private copies (see
     * {@link ViewVad}), and for a SEC_RESERVE section the first CommitSize bytes, which
     * are committed section-wide. Either both are taken or, with
     * STATUS_COMMITMENT_LIMIT, neither.
     */
    private NtStatus chargeView(MapRequest request) {
        long copies = ViewVad.copyOnWriteCharge(request.protect(), request.pages());
        NtStatus status = commitCharge.charge(copies);
        if (status != STATUS_SUCCESS) return status;
        if (request.reserveSection() && request.commitPages() > 0) {
            int firstPage = (int) (request.offset() >>> PAGE_SHIFT);
            status = request.controlArea().commit(firstPage, (int) Math.min(request.commitPages(), request.pages()));
            if (status != STATUS_SUCCESS) commitCharge.release(copies);
        }
        return status;
    }

    /** The view itself, counted on the control area; its commit is already charged. */
    private ViewVad newView(long base, MapRequest request) {
        ControlArea controlArea = request.controlArea();
        controlArea.viewMapped();
        return new ViewVad(base, (int) request.pages(), request.protect(), request.cacheModifier(), controlArea,
                (int) (request.offset() >>> PAGE_SHIFT), request.noChange(), memory, commitCharge);
    }

    /**
     * NtUnmapViewOfSection: any address inside a view unmaps the whole view. Private
     * memory, a free address or (from user mode) a kernel address is STATUS_NOT_MAPPED_VIEW.
     */
    public NtStatus unmapViewOfSection(long processHandle, long baseAddress, ProcessorMode mode) {
        if (mode == UserMode && Long.compareUnsigned(baseAddress, MM_HIGHEST_USER_ADDRESS) > 0) return STATUS_NOT_MAPPED_VIEW;
        Out<KernelObject> process = new Out<>();
        NtStatus status = ob.obReferenceObjectByHandle(processHandle, ProcessAccess.PROCESS_VM_OPERATION,
                ob.types().process(), mode, process, null);
        if (status != STATUS_SUCCESS) return status;
        try {
            Process target = (Process) process.value;
            AddressSpace space = target.addressSpace();
            ViewVad view;
            synchronized (space) {
                if (target.isTerminating()) return STATUS_PROCESS_IS_TERMINATING;
                if (!(space.find(baseAddress) instanceof ViewVad found)) return STATUS_NOT_MAPPED_VIEW;
                // UNCERTAIN: a SEC_NO_CHANGE view refuses a user-mode unmap the way MiCheckSecuredVad
                // refuses a secured range; kernel callers (and process exit) may still unmap it.
                if (found.noChange && mode == UserMode) return STATUS_INVALID_PAGE_PROTECTION;
                space.remove(found);
                view = found;
            }
            view.release();
            VerifierHooks hooks = kernel.hooks();
            if (hooks != VerifierHooks.NONE) hooks.viewUnmapped(CurrentThread.get(), target, view.start);
            return STATUS_SUCCESS;
        } finally {
            ob.obDereferenceObject(process.value);
        }
    }

    /**
     * MmMapViewInSystemSpace: the section (by pointer, no access check) from offset 0
     * into the system view space every kernel context shares. The view is read/write
     * when the section is writable, read-only otherwise.
     */
    public NtStatus mmMapViewInSystemSpace(Section section, LongOut mappedBase, LongOut viewSize) {
        long size = viewSize.value == 0 ? section.size() : viewSize.value;
        if (Long.compareUnsigned(size, section.size()) > 0 || size > MAX_SYSTEM_VIEW_SIZE) return STATUS_INVALID_VIEW_SIZE;
        long bytes = pageRoundUp(size);
        int protect = ProtectionMask.canWrite(section.protection()) ? PAGE_READWRITE : PAGE_READONLY;
        ControlArea controlArea = section.controlArea();
        long base;
        synchronized (system) {
            base = system.findFree(bytes, SYSTEM_VIEW_END, false);
            if (base == -1) return STATUS_NO_MEMORY;
            controlArea.viewMapped();
            system.insert(new ViewVad(base, (int) (bytes >>> PAGE_SHIFT), protect, 0, controlArea, 0, false, memory,
                    commitCharge));
        }
        mappedBase.value = base;
        viewSize.value = bytes;
        VerifierHooks hooks = kernel.hooks();
        if (hooks != VerifierHooks.NONE) hooks.systemViewMapped(CurrentThread.get(), section, base);
        return STATUS_SUCCESS;
    }

    /** MmUnmapViewInSystemSpace: an address that is not the base of a system view is DRIVER_UNMAPPING_INVALID_VIEW. */
    public NtStatus mmUnmapViewInSystemSpace(long mappedBase) {
        ViewVad view;
        synchronized (system) {
            if (!(system.find(mappedBase) instanceof ViewVad found) || found.start != mappedBase) {
                throw kernel.keBugCheckEx(BugCheckCodes.DRIVER_UNMAPPING_INVALID_VIEW, mappedBase, 1, 0, 0);
            }
            system.remove(found);
            view = found;
        }
        view.release();
        return STATUS_SUCCESS;
    }
}
