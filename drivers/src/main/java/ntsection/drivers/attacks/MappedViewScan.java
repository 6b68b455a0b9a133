package ntsection.drivers.attacks;

import ntsection.mm.MemoryBasicInformation;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.user.UserContext;

import static ntsection.mm.PageProtection.MEM_MAPPED;
import static ntsection.mm.VirtualMemoryServices.MemoryBasicInformation;
import static ntsection.ob.Handles.NtCurrentProcess;

/**
 * A malicious user-mode program: walks its own address space with NtQueryVirtualMemory,
 * region by region, and reads the start of the first MEM_MAPPED region it did not map.
 */
public final class MappedViewScan {
    private MappedViewScan() {
    }

    /** The first {@code length} bytes of a mapped view not at one of {@code own}, or null. */
    public static byte[] readForeignView(UserContext user, int length, long... own) {
        long address = 0;
        while (true) {
            Out<MemoryBasicInformation> region = new Out<>();
            NtStatus status = user.nt().ntQueryVirtualMemory(NtCurrentProcess, address, MemoryBasicInformation, region);
            if (!status.isSuccess()) return null;
            MemoryBasicInformation information = region.value;
            if (information.type() == MEM_MAPPED && !isOwn(information.allocationBase(), own))
                return user.read(information.baseAddress(), length);
            address = information.baseAddress() + information.regionSize();
        }
    }

    private static boolean isOwn(long base, long[] own) {
        for (long mine : own) if (mine == base) return true;
        return false;
    }
}
