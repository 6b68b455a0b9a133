package ntsection.drivers.attacks;

import ntsection.mm.MemoryBasicInformation;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.user.UserContext;

import java.util.ArrayList;
import java.util.List;

import static ntsection.mm.PageProtection.MEM_MAPPED;
import static ntsection.mm.VirtualMemoryServices.MemoryBasicInformation;
import static ntsection.ob.Handles.NtCurrentProcess;

/**
 * A malicious user-mode program: walks its own address space with NtQueryVirtualMemory,
 * region by region, and reads the start of the first MEM_MAPPED region it did not map.
 * The generated programs of the verifier walk it the same way.
 */
public final class MappedViewScan {
    private MappedViewScan() {
    }

    /** The first {@code length} bytes of a mapped view not at one of {@code own}, or null. */
    public static byte[] readForeignView(UserContext user, int length, long... own) {
        for (MemoryBasicInformation view : views(user)) {
            if (!isOwn(view.allocationBase(), own)) return user.read(view.baseAddress(), length);
        }
        return null;
    }

    /** Every MEM_MAPPED region of the process, in address order (a view of mixed protections is several). */
    public static List<MemoryBasicInformation> views(UserContext user) {
        List<MemoryBasicInformation> views = new ArrayList<>();
        long address = 0;
        while (true) {
            Out<MemoryBasicInformation> region = new Out<>();
            NtStatus status = user.nt().ntQueryVirtualMemory(NtCurrentProcess, address, MemoryBasicInformation, region);
            if (!status.isSuccess()) return views;
            MemoryBasicInformation information = region.value;
            if (information.type() == MEM_MAPPED) views.add(information);
            address = information.baseAddress() + information.regionSize();
        }
    }

    private static boolean isOwn(long base, long[] own) {
        for (long mine : own) if (mine == base) return true;
        return false;
    }
}
