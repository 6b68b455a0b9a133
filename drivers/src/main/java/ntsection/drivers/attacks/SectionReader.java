package ntsection.drivers.attacks;

import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.user.UserContext;

import static ntsection.mm.PageProtection.PAGE_READONLY;
import static ntsection.mm.PageProtection.ViewUnmap;
import static ntsection.ob.Handles.NtCurrentProcess;

/** What an attacker does with a handle that might be a section: map it, read the start, unmap. */
final class SectionReader {
    static final int READ = 64;

    private SectionReader() {
    }

    /** Whether {@code handle} mapped; if so, its first bytes were read. */
    static boolean read(UserContext user, long handle) {
        LongOut base = new LongOut();
        NtStatus status = user.nt().ntMapViewOfSection(handle, NtCurrentProcess, base, 0, 0, null, new LongOut(),
                ViewUnmap, 0, PAGE_READONLY);
        if (!status.isSuccess()) return false;
        user.read(base.value, READ);
        user.nt().ntUnmapViewOfSection(NtCurrentProcess, base.value);
        return true;
    }
}
