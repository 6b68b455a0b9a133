package ntsection.mm;

import ntsection.ke.ProcessorMode;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ob.KernelObject;
import ntsection.ob.ObjectManager;
import ntsection.ps.Process;
import ntsection.ps.ProcessAccess;

import java.util.Arrays;

import static ntsection.mm.AddressLimits.*;
import static ntsection.mm.PageProtection.*;
import static ntsection.nt.NtStatus.*;

/**
 * NtProtectVirtualMemory, NtQueryVirtualMemory, NtAllocateVirtualMemory and
 * NtFreeVirtualMemory over a process's user range: views and private memory. Argument
 * checks come first in NT's order; the range checks are made under the target space's
 * lock and decide everything before the first page changes.
 */
public final class VirtualMemoryServices {
    public static final int MemoryBasicInformation = 0;
    private static final int VALID_ALLOCATION_TYPES = MEM_COMMIT | MEM_RESERVE | MEM_RESET | MEM_TOP_DOWN;
    /**
     * Model limit: a private range keeps state per page, so one reservation is at most
     * 4 GiB; a larger one gets STATUS_NO_MEMORY, as NT answers a reservation it cannot
     * make. Views are bounded by their section instead.
     */
    static final long MAX_PRIVATE_RANGE = 1L << 32;

    private final ObjectManager ob;
    private final PhysicalMemory memory;
    private final CommitCharge commitCharge;

    VirtualMemoryServices(ObjectManager ob, PhysicalMemory memory, CommitCharge commitCharge) {
        this.ob = ob;
        this.memory = memory;
        this.commitCharge = commitCharge;
    }

    @FunctionalInterface
    private interface InProcess {
        NtStatus run(Process process, AddressSpace space);
    }

    /** References the process handle with {@code access} and runs {@code body} under its space's lock. */
    private NtStatus withProcess(long processHandle, int access, ProcessorMode mode, InProcess body) {
        Out<KernelObject> process = new Out<>();
        NtStatus status = ob.obReferenceObjectByHandle(processHandle, access, ob.types().process(), mode, process, null);
        if (status != STATUS_SUCCESS) return status;
        try {
            Process target = (Process) process.value;
            AddressSpace space = target.addressSpace();
            synchronized (space) {
                return body.run(target, space);
            }
        } finally {
            ob.obDereferenceObject(process.value);
        }
    }

    // ---------------------------------------------------------------- protect

    /**
     * NtProtectVirtualMemory: the pages [page_down(base), page_up(base+size)) of one VAD
     * get {@code newProtect}; {@code oldProtect} receives the first page's protection.
     * On a view the new protection must be one the view's map-time protection allows
     * (STATUS_SECTION_PROTECTION otherwise: Windows, not Wine's INVALID_PAGE_PROTECTION).
     */
    public NtStatus protect(long processHandle, LongOut baseAddress, LongOut regionSize, int newProtect,
                            LongOut oldProtect, ProcessorMode mode) {
        if (!ProtectionMask.isBaseValueWithGuardOrNoCache(newProtect)) return STATUS_INVALID_PAGE_PROTECTION;
        NtStatus captured = OutputCapture.capture(mode, baseAddress, regionSize, oldProtect);
        if (captured != STATUS_SUCCESS) return captured;
        long base = baseAddress.value;
        long size = regionSize.value;
        if (Long.compareUnsigned(base, MM_HIGHEST_USER_ADDRESS) > 0) return STATUS_INVALID_PARAMETER_2;
        if (size == 0 || Long.compareUnsigned(MM_USER_PROBE_ADDRESS - base, size) < 0) return STATUS_INVALID_PARAMETER_3;
        return withProcess(processHandle, ProcessAccess.PROCESS_VM_OPERATION, mode, (process, space) -> {
            if (!ProtectionMask.isValid(newProtect)) return STATUS_INVALID_PAGE_PROTECTION;
            long start = pageRoundDown(base);
            long end = pageRoundUp(base + size);
            Vad vad = space.find(start);
            if (vad == null || end > vad.end()) return STATUS_CONFLICTING_ADDRESSES;
            int first = vad.pageOf(start);
            int count = (int) ((end - start) >>> PAGE_SHIFT);
            NtStatus allowed = checkProtect(vad, first, count, newProtect);
            if (allowed != STATUS_SUCCESS) return allowed;
            int old = vad.protection[first];
            if (vad instanceof ViewVad view) {
                NtStatus charged = view.protect(first, count, newProtect);
                if (charged != STATUS_SUCCESS) return charged;
            } else {
                Arrays.fill(vad.protection, first, first + count, newProtect);
            }
            oldProtect.value = old;
            baseAddress.value = start;
            regionSize.value = end - start;
            return STATUS_SUCCESS;
        });
    }

    private static NtStatus checkProtect(Vad vad, int first, int count, int newProtect) {
        if (vad instanceof ViewVad view) {
            if (view.noChange) return STATUS_INVALID_PAGE_PROTECTION;
            if ((newProtect & (PAGE_NOCACHE | PAGE_WRITECOMBINE)) != 0) return STATUS_INVALID_PARAMETER_4;
            if (!ProtectionMask.compatible(view.allocationProtect, newProtect)) return STATUS_SECTION_PROTECTION;
        } else if (ProtectionMask.isWriteCopy(newProtect)) {
            return STATUS_INVALID_PARAMETER_4;
        }
        for (int page = first; page < first + count; page++) {
            if (!vad.isCommitted(page)) return STATUS_NOT_COMMITTED;
        }
        return STATUS_SUCCESS;
    }

    // ---------------------------------------------------------------- query

    /** NtQueryVirtualMemory(MemoryBasicInformation). */
    public NtStatus query(long processHandle, long address, int informationClass, Out<MemoryBasicInformation> information,
                          ProcessorMode mode) {
        if (informationClass != MemoryBasicInformation) return STATUS_INVALID_INFO_CLASS;
        NtStatus captured = OutputCapture.capture(mode, information);
        if (captured != STATUS_SUCCESS) return captured;
        if (Long.compareUnsigned(address, MM_HIGHEST_USER_ADDRESS) > 0) return STATUS_INVALID_PARAMETER;
        return withProcess(processHandle, ProcessAccess.PROCESS_QUERY_INFORMATION, mode, (process, space) -> {
            information.value = describe(space, pageRoundDown(address));
            return STATUS_SUCCESS;
        });
    }

    private static MemoryBasicInformation describe(AddressSpace space, long page) {
        Vad vad = space.find(page);
        if (vad == null) {
            Vad next = space.nextAfter(page);
            long end = next == null ? MM_USER_PROBE_ADDRESS : next.start;
            return new MemoryBasicInformation(page, 0, 0, end - page, MEM_FREE, PAGE_NOACCESS, 0);
        }
        int first = vad.pageOf(page);
        int state = state(vad, first);
        int protect = reportedProtect(vad, first);
        int last = first + 1;
        while (last < vad.pageCount() && state(vad, last) == state && reportedProtect(vad, last) == protect) last++;
        return new MemoryBasicInformation(page, vad.start, vad.allocationProtect, (long) (last - first) << PAGE_SHIFT,
                state, protect, vad.type());
    }

    private static int state(Vad vad, int page) {
        return vad.isCommitted(page) ? MEM_COMMIT : MEM_RESERVE;
    }

    /** Reserved pages report protection 0, whatever the view would give them once committed. */
    private static int reportedProtect(Vad vad, int page) {
        return vad.isCommitted(page) ? vad.protection[page] : 0;
    }

    // ---------------------------------------------------------------- allocate

    /**
     * NtAllocateVirtualMemory. MEM_RESERVE makes a private range (64 KiB-aligned base);
     * MEM_COMMIT commits pages of a reserved range, or of a view: commitment of a
     * section is section-wide, so every view of it sees the pages. A NULL base with
     * MEM_COMMIT alone reserves too. MEM_RESET keeps the data, which NT allows. Only
     * pages not yet committed are charged to the commit limit; a charge that does not
     * fit is STATUS_COMMITMENT_LIMIT and leaves the address space as it was.
     */
    public NtStatus allocate(long processHandle, LongOut baseAddress, long zeroBits, LongOut regionSize, int allocationType,
                             int protect, ProcessorMode mode) {
        long highestAddress = ZeroBits.highestAddress(zeroBits);
        if (highestAddress == ZeroBits.INVALID) return STATUS_INVALID_PARAMETER_3;
        if ((allocationType & ~VALID_ALLOCATION_TYPES) != 0) return STATUS_INVALID_PARAMETER_5;
        if ((allocationType & (MEM_COMMIT | MEM_RESERVE | MEM_RESET)) == 0) return STATUS_INVALID_PARAMETER_5;
        if ((allocationType & MEM_RESET) != 0 && (allocationType & (MEM_COMMIT | MEM_RESERVE)) != 0) return STATUS_INVALID_PARAMETER_5;
        if (!ProtectionMask.isValid(protect)) return STATUS_INVALID_PAGE_PROTECTION;
        NtStatus captured = OutputCapture.capture(mode, baseAddress, regionSize);
        if (captured != STATUS_SUCCESS) return captured;
        long base = baseAddress.value;
        long size = regionSize.value;
        if (Long.compareUnsigned(base, MM_HIGHEST_VAD_ADDRESS) > 0) return STATUS_INVALID_PARAMETER_2;
        if (size == 0 || Long.compareUnsigned(MM_HIGHEST_VAD_ADDRESS - base + 1, size) < 0) return STATUS_INVALID_PARAMETER_4;
        boolean reserve = (allocationType & MEM_RESERVE) != 0 || (base == 0 && (allocationType & MEM_COMMIT) != 0);
        return withProcess(processHandle, ProcessAccess.PROCESS_VM_OPERATION, mode, (process, space) -> {
            if (process.isTerminating()) return STATUS_PROCESS_IS_TERMINATING;
            if (reserve) return reserve(space, base, size, highestAddress, allocationType, protect, baseAddress, regionSize);
            if ((allocationType & MEM_RESET) != 0) return reset(space, base, size, baseAddress, regionSize);
            return commit(space, base, size, protect, baseAddress, regionSize);
        });
    }

    private NtStatus reserve(AddressSpace space, long base, long size, long highestAddress, int allocationType, int protect,
                             LongOut baseAddress, LongOut regionSize) {
        if (ProtectionMask.isWriteCopy(protect)) return STATUS_INVALID_PAGE_PROTECTION;
        if (Long.compareUnsigned(size, MAX_PRIVATE_RANGE) > 0) return STATUS_NO_MEMORY;
        long start;
        long end;
        if (base == 0) {
            end = pageRoundUp(size);
            start = space.findFree(end, highestAddress, (allocationType & MEM_TOP_DOWN) != 0);
            if (start < 0) return STATUS_NO_MEMORY;
            end += start;
        } else {
            start = granularityRoundDown(base);
            end = pageRoundUp(base + size);
            if (end - 1 > highestAddress) return STATUS_INVALID_PARAMETER_3;
            if (!space.isFree(start, end)) return STATUS_CONFLICTING_ADDRESSES;
        }
        int pages = (int) ((end - start) >>> PAGE_SHIFT);
        PrivateVad vad = new PrivateVad(start, pages, protect, memory, commitCharge);
        if ((allocationType & MEM_COMMIT) != 0) {
            NtStatus charged = vad.commit(0, pages, protect);
            if (charged != STATUS_SUCCESS) return charged;
        }
        space.insert(vad);
        baseAddress.value = start;
        regionSize.value = end - start;
        return STATUS_SUCCESS;
    }

    /**
     * MEM_COMMIT inside an existing range. UNCERTAIN (ReactOS apitest on Windows): on a
     * view, the commit-time protection is not bound by the map-time protection; a
     * NOACCESS view of a SEC_RESERVE section commits READONLY, READWRITE and
     * EXECUTE_READWRITE pages.
     */
    private static NtStatus commit(AddressSpace space, long base, long size, int protect, LongOut baseAddress,
                                   LongOut regionSize) {
        long start = pageRoundDown(base);
        long end = pageRoundUp(base + size);
        Vad vad = space.find(start);
        if (vad == null || end > vad.end()) return STATUS_CONFLICTING_ADDRESSES;
        int first = vad.pageOf(start);
        int count = (int) ((end - start) >>> PAGE_SHIFT);
        NtStatus status;
        if (vad instanceof PrivateVad range) {
            if (ProtectionMask.isWriteCopy(protect)) return STATUS_INVALID_PAGE_PROTECTION;
            status = range.commit(first, count, protect);
        } else {
            ViewVad view = (ViewVad) vad;
            if (view.noChange) return STATUS_INVALID_PAGE_PROTECTION;
            status = view.commit(first, count, protect);
        }
        // STATUS_COMMITMENT_LIMIT: the charge did not fit and nothing changed.
        if (status != STATUS_SUCCESS) return status;
        baseAddress.value = start;
        regionSize.value = end - start;
        return STATUS_SUCCESS;
    }

    /** MEM_RESET: the range must be committed memory; its contents may stay, and here they do. */
    private static NtStatus reset(AddressSpace space, long base, long size, LongOut baseAddress, LongOut regionSize) {
        long start = pageRoundDown(base);
        long end = pageRoundUp(base + size);
        Vad vad = space.find(start);
        if (vad == null || end > vad.end()) return STATUS_CONFLICTING_ADDRESSES;
        baseAddress.value = start;
        regionSize.value = end - start;
        return STATUS_SUCCESS;
    }

    // ---------------------------------------------------------------- free

    /**
     * NtFreeVirtualMemory over private memory: MEM_DECOMMIT returns pages to reserved,
     * MEM_RELEASE frees the range (a part of it splits the range). A size of 0 means
     * the whole range and needs its base. View memory is refused: views go only by
     * unmapping (STATUS_UNABLE_TO_DELETE_SECTION, Windows per ReactOS; Wine says
     * STATUS_INVALID_PARAMETER).
     */
    public NtStatus free(long processHandle, LongOut baseAddress, LongOut regionSize, int freeType, ProcessorMode mode) {
        if (freeType != MEM_DECOMMIT && freeType != MEM_RELEASE) return STATUS_INVALID_PARAMETER_4;
        NtStatus captured = OutputCapture.capture(mode, baseAddress, regionSize);
        if (captured != STATUS_SUCCESS) return captured;
        long base = baseAddress.value;
        long size = regionSize.value;
        if (Long.compareUnsigned(base, MM_HIGHEST_VAD_ADDRESS) > 0) return STATUS_INVALID_PARAMETER_2;
        if (Long.compareUnsigned(MM_HIGHEST_VAD_ADDRESS - base + 1, size) < 0) return STATUS_INVALID_PARAMETER_3;
        return withProcess(processHandle, ProcessAccess.PROCESS_VM_OPERATION, mode, (process, space) -> {
            long start = pageRoundDown(base);
            Vad vad = space.find(start);
            if (vad == null) return STATUS_MEMORY_NOT_ALLOCATED;
            if (!(vad instanceof PrivateVad range)) return STATUS_UNABLE_TO_DELETE_SECTION;
            long end;
            if (size == 0) {
                if (start != vad.start) return STATUS_FREE_VM_NOT_AT_BASE;
                end = vad.end();
            } else {
                end = pageRoundUp(base + size);
                if (end > vad.end()) return STATUS_UNABLE_TO_FREE_VM;
            }
            int first = vad.pageOf(start);
            int count = (int) ((end - start) >>> PAGE_SHIFT);
            if (freeType == MEM_DECOMMIT) range.decommit(first, count);
            else release(space, range, first, count);
            baseAddress.value = start;
            regionSize.value = end - start;
            return STATUS_SUCCESS;
        });
    }

    /** Releases pages [first, first+count) of a private range; what is left on either side stays reserved as it was. */
    private static void release(AddressSpace space, PrivateVad range, int first, int count) {
        space.remove(range);
        if (first > 0) space.insert(range.slice(0, first));
        int after = first + count;
        if (after < range.pageCount()) space.insert(range.slice(after, range.pageCount() - after));
        range.release();
    }
}
