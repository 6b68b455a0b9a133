package ntsection.verifier.explore;

import ntsection.drivers.attacks.MappedViewScan;
import ntsection.ke.NtException;
import ntsection.mm.MemoryBasicInformation;
import ntsection.nt.LongOut;
import ntsection.ob.ObjectAttributes;
import ntsection.user.UserContext;

import static ntsection.mm.PageProtection.*;
import static ntsection.ob.Handles.NtCurrentProcess;

/**
 * What the caller's second thread does while the requests run: what the protocol's
 * attacks do to a driver's sections and views, without knowing the driver. Steal any
 * section handle in the table (SV1), take views away or reprotect them under the
 * driver (SV5), change their contents between the driver's check and its use (SV6),
 * close the handles the driver handed out (SV8), reach for physical memory (SV10).
 */
enum Meddling {
    MAP_FOREIGN_SECTIONS("map and read every section handle it did not open"),
    CLOSE_FOREIGN_SECTIONS("close every section handle it did not open"),
    UNMAP_VIEWS("unmap every view the driver mapped"),
    PROTECT_VIEWS("make every view the driver mapped PAGE_NOACCESS"),
    FLIP_VIEWS("write changing values over the start of every view"),
    OPEN_PHYSICAL_MEMORY("open \\Device\\PhysicalMemory"),
    YIELD("yield");

    private static final long LAST_HANDLE = 256;
    private static final int FLIPPED_BYTES = 64;
    private static final long[] FLIPS = {0xFFFF_FFFFL, 0x7FFF_FFFFL, 0x1000, 0};

    private final String summary;

    Meddling(String summary) {
        this.summary = summary;
    }

    String summary() {
        return summary;
    }

    /** Does it; a fault it takes on the way (a view gone under it) ends only this step. */
    void run(UserContext user, CallerState caller, int round) {
        try {
            switch (this) {
                case MAP_FOREIGN_SECTIONS, CLOSE_FOREIGN_SECTIONS -> sections(user, caller);
                case UNMAP_VIEWS -> {
                    for (MemoryBasicInformation view : MappedViewScan.views(user)) {
                        user.nt().ntUnmapViewOfSection(NtCurrentProcess, view.allocationBase());
                    }
                }
                case PROTECT_VIEWS -> {
                    for (MemoryBasicInformation view : MappedViewScan.views(user)) {
                        user.nt().ntProtectVirtualMemory(NtCurrentProcess, new LongOut(view.baseAddress()),
                                new LongOut(view.regionSize()), PAGE_NOACCESS, new LongOut());
                    }
                }
                case FLIP_VIEWS -> {
                    long value = FLIPS[round % FLIPS.length];
                    for (MemoryBasicInformation view : MappedViewScan.views(user)) flip(user, view, value);
                }
                case OPEN_PHYSICAL_MEMORY -> {
                    LongOut handle = new LongOut();
                    if (user.nt().ntOpenSection(handle, SECTION_MAP_READ,
                            ObjectAttributes.named("\\Device\\PhysicalMemory", 0)).isSuccess()) {
                        user.nt().ntClose(handle.value);
                    }
                }
                case YIELD -> user.yieldExecution();
            }
        } catch (NtException fault) {
            // The view went away or changed protection under the meddler itself: on to the next step.
        }
    }

    private void sections(UserContext user, CallerState caller) {
        for (long handle = 4; handle <= LAST_HANDLE; handle += 4) {
            if (caller.isOwn(handle)) continue;
            LongOut base = new LongOut();
            if (!user.nt().ntMapViewOfSection(handle, NtCurrentProcess, base, 0, 0, null, new LongOut(), ViewUnmap, 0,
                    PAGE_READONLY).isSuccess()) {
                continue;
            }
            if (this == MAP_FOREIGN_SECTIONS) user.read(base.value, FLIPPED_BYTES);
            user.nt().ntUnmapViewOfSection(NtCurrentProcess, base.value);
            if (this == CLOSE_FOREIGN_SECTIONS) user.nt().ntClose(handle);
        }
    }

    private static void flip(UserContext user, MemoryBasicInformation view, long value) {
        for (int offset = 0; offset < FLIPPED_BYTES && offset < view.regionSize(); offset += Integer.BYTES) {
            user.writeInt(view.baseAddress() + offset, (int) value);
        }
    }
}
