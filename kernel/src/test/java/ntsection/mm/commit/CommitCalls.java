package ntsection.mm.commit;

import ntsection.Executive;
import ntsection.mm.MemoryBasicInformation;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ps.Process;

import static ntsection.mm.PageProtection.*;
import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static ntsection.ob.Handles.NtCurrentProcess;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The user-mode calls the commit tests make, from one process's own code. */
final class CommitCalls {
    private final Executive system;
    private final Process process;

    CommitCalls(Executive system, Process process) {
        this.system = system;
        this.process = process;
    }

    NtStatus allocate(LongOut base, long size, int type, int protect) {
        return system.inUserMode(process, () -> system.nt().ntAllocateVirtualMemory(NtCurrentProcess, base, 0,
                new LongOut(size), type, protect));
    }

    NtStatus free(long base, long size, int type) {
        return system.inUserMode(process, () -> system.nt().ntFreeVirtualMemory(NtCurrentProcess, new LongOut(base),
                new LongOut(size), type));
    }

    NtStatus protect(long base, long size, int newProtect, LongOut old) {
        return system.inUserMode(process, () -> system.nt().ntProtectVirtualMemory(NtCurrentProcess, new LongOut(base),
                new LongOut(size), newProtect, old));
    }

    long section(long size, int protection, int attributes) {
        LongOut handle = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inUserMode(process, () -> system.nt().ntCreateSection(handle,
                SECTION_ALL_ACCESS, null, size, protection, attributes, 0)));
        return handle.value;
    }

    NtStatus map(long section, LongOut base, long commitSize, int protect) {
        return system.inUserMode(process, () -> system.nt().ntMapViewOfSection(section, NtCurrentProcess, base, 0,
                commitSize, null, new LongOut(), ViewUnmap, 0, protect));
    }

    NtStatus unmap(long base) {
        return system.inUserMode(process, () -> system.nt().ntUnmapViewOfSection(NtCurrentProcess, base));
    }

    NtStatus close(long handle) {
        return system.inUserMode(process, () -> system.nt().ntClose(handle));
    }

    MemoryBasicInformation query(long address) {
        Out<MemoryBasicInformation> info = new Out<>();
        assertEquals(STATUS_SUCCESS, system.inUserMode(process,
                () -> system.nt().ntQueryVirtualMemory(NtCurrentProcess, address, 0, info)));
        return info.value;
    }

    void write(long address, byte value) {
        system.inUserMode(process, () -> {
            system.mm().access().writeByte(address, value);
            return null;
        });
    }
}
