package ntsection.vf;

import ntsection.io.DriverObject;
import ntsection.ob.HandleEntry;
import ntsection.ob.KernelObject;
import ntsection.ps.Process;
import ntsection.ps.ProcessManager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The handle entries driver code made: which driver, in whose table, to what, and at
 * which line. A user-table entry not in here was made by user mode (or before the
 * checks were installed). Entries are not trusted to still exist: every question asks
 * the handle table whether the entry is still there and still names the same object,
 * because process rundown closes handles without telling anyone.
 */
final class HandleOrigins {
    /** A handle value (without the kernel bit) in the table of {@code owner} (System's for kernel handles). */
    record Slot(Process owner, long handle) {
        boolean userTable() {
            return owner.id() != ProcessManager.SYSTEM_PROCESS_ID;
        }
    }

    record Made(KernelObject object, DriverObject driver, StackTraceElement frame) {
    }

    private final Map<Slot, Made> made = new HashMap<>();
    /** Entries driver code made and gave the requestor: their values went back in the request's output. */
    private final Set<Slot> handedOut = new HashSet<>();

    void record(Process owner, long handle, KernelObject object, DriverObject driver, StackTraceElement frame) {
        made.put(new Slot(owner, handle), new Made(object, driver, frame));
    }

    void closed(Process owner, long handle) {
        made.remove(new Slot(owner, handle));
        handedOut.remove(new Slot(owner, handle));
    }

    /** The entry went to the requestor in the output of the request driver code made it for. */
    void handedOut(Process owner, long handle) {
        handedOut.add(new Slot(owner, handle));
    }

    boolean wasHandedOut(Process owner, long handle) {
        return handedOut.contains(new Slot(owner, handle));
    }

    /** Who made the entry, if driver code did and it still names {@code object}. */
    Made madeBy(Process owner, long handle, KernelObject object) {
        Slot slot = new Slot(owner, handle);
        Made entry = made.get(slot);
        return entry != null && entry.object() == object && alive(slot, entry) ? entry : null;
    }

    /** An open entry {@code driver}'s code made for {@code object} in a user process's table, or null. */
    Slot openUserHandle(DriverObject driver, KernelObject object) {
        for (Map.Entry<Slot, Made> entry : made.entrySet()) {
            Slot slot = entry.getKey();
            Made origin = entry.getValue();
            if (slot.userTable() && origin.driver() == driver && origin.object() == object && alive(slot, origin)) return slot;
        }
        return null;
    }

    /** Whether {@code driver}'s code made a kernel handle (System's table) to {@code object} that is still open. */
    boolean holdsKernelHandle(DriverObject driver, KernelObject object) {
        for (Map.Entry<Slot, Made> entry : made.entrySet()) {
            Slot slot = entry.getKey();
            Made origin = entry.getValue();
            if (!slot.userTable() && origin.driver() == driver && origin.object() == object && alive(slot, origin)) return true;
        }
        return false;
    }

    /** Kernel handles {@code driver}'s code made that are still open, with where each was made. */
    List<Map.Entry<Slot, Made>> openKernelHandles(DriverObject driver) {
        List<Map.Entry<Slot, Made>> open = new ArrayList<>();
        for (Map.Entry<Slot, Made> entry : made.entrySet()) {
            Slot slot = entry.getKey();
            if (!slot.userTable() && entry.getValue().driver() == driver && alive(slot, entry.getValue())) open.add(entry);
        }
        return open;
    }

    private static boolean alive(Slot slot, Made origin) {
        HandleEntry entry = slot.owner().handleTable().lookup(slot.handle());
        return entry != null && entry.object() == origin.object();
    }
}
