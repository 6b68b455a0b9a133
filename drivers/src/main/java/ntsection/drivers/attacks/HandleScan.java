package ntsection.drivers.attacks;

import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.user.UserContext;

import static ntsection.mm.PageProtection.PAGE_READONLY;
import static ntsection.mm.PageProtection.ViewUnmap;
import static ntsection.ob.Handles.NtCurrentProcess;

/**
 * A malicious user-mode program: walks its own handle table by value (4, 8, ...), tries to
 * map each handle it did not open as a section, and reads the start of every view it gets.
 * Handles that are not sections, or not there, simply fail to map.
 */
public final class HandleScan {
    /** Handle values a small process's table can hold; far more than any test opens. */
    public static final long LAST_HANDLE = 4 * 1024;

    private HandleScan() {
    }

    /** The first {@code length} bytes of the first section found among handles not in {@code own}, or null. */
    public static byte[] readForeignSection(UserContext user, int length, long... own) {
        for (long handle = 4; handle <= LAST_HANDLE; handle += 4) {
            if (isOwn(handle, own)) continue;
            LongOut base = new LongOut();
            NtStatus status = user.nt().ntMapViewOfSection(handle, NtCurrentProcess, base, 0, 0, null, new LongOut(),
                    ViewUnmap, 0, PAGE_READONLY);
            if (!status.isSuccess()) continue;
            byte[] stolen = user.read(base.value, length);
            user.nt().ntUnmapViewOfSection(NtCurrentProcess, base.value);
            return stolen;
        }
        return null;
    }

    private static boolean isOwn(long handle, long[] own) {
        for (long mine : own) if (mine == handle) return true;
        return false;
    }
}
