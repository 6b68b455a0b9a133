package ntsection.drivers.demo;

import ntsection.Executive;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.ob.ObjectAttributes;

import static ntsection.mm.PageProtection.*;
import static ntsection.ob.Attributes.OBJ_KERNEL_HANDLE;
import static ntsection.ob.Handles.NtCurrentProcess;

/**
 * A neighbour's secret: a page-file section under a kernel handle, mapped in the System
 * process from a system thread and filled with random bytes, as some other driver's
 * protocol-1 key would be. Nothing of it should ever reach an attacker.
 */
final class KernelSecret {
    private final Executive system;
    private long section;
    private long view;

    KernelSecret(Executive system) {
        this.system = system;
    }

    void plant() {
        NtStatus status = system.inSystemThread(() -> {
            LongOut handle = new LongOut();
            NtStatus created = system.zw().zwCreateSection(handle, SECTION_MAP_READ | SECTION_MAP_WRITE,
                    ObjectAttributes.unnamed(OBJ_KERNEL_HANDLE), (long) PAGE_SIZE, PAGE_READWRITE, SEC_COMMIT, 0);
            if (!created.isSuccess()) return created;
            LongOut base = new LongOut();
            NtStatus mapped = system.zw().zwMapViewOfSection(handle.value, NtCurrentProcess, base, 0, 0, null,
                    new LongOut(), ViewUnmap, 0, PAGE_READWRITE);
            if (!mapped.isSuccess()) return mapped;
            section = handle.value;
            view = base.value;
            byte[] secret = new byte[32];
            system.bCryptGenRandom(secret);
            system.mm().access().write(view, secret);
            return mapped;
        });
        if (!status.isSuccess()) throw new IllegalStateException("cannot plant the kernel secret: " + status);
    }

    void remove() {
        system.inSystemThread(() -> {
            system.zw().zwUnmapViewOfSection(NtCurrentProcess, view);
            return system.zw().zwClose(section);
        });
    }
}
