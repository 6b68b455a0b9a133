package ntsection.vf;

import ntsection.io.DeviceObject;
import ntsection.io.DriverObject;
import ntsection.mm.Section;
import ntsection.ob.Handles;
import ntsection.ob.KernelObject;
import ntsection.ps.Process;
import ntsection.ps.ProcessManager;
import ntsection.ps.Thread;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * SV8 (reference-before-share) and SV9 (dereference): each driver's own pointer
 * references. A driver's ledger counts the references its code took itself
 * (ObReferenceObjectByHandle, ObReferenceObjectByPointer, ObReferenceObject,
 * ObReferenceObjectByName called from driver code) less those it dropped itself
 * (ObDereferenceObject called from driver code); references a service takes and drops
 * on the driver's behalf are the executive's and do not count. Together with the kernel
 * handles driver code made and has not closed, that is what the driver "holds".
 * <ul>
 * <li>SV8, at the insert: driver code puts a handle to a section it did not just create
 *     into a user process's table while the driver holds nothing on the section.</li>
 * <li>SV8, at the dereference: outside DriverUnload, driver code drops its last reference
 *     on a section while a handle its code gave a user process is still open and one of
 *     its device extensions still points at the section (where the protocol keeps the
 *     reference): closing that handle deletes the object under the driver.</li>
 * <li>SV8, at use after free: driver code touches a deleted section it had handed out.</li>
 * <li>SV9: when DriverUnload returns, the driver still holds references (or kernel
 *     section handles) its code took.</li>
 * </ul>
 */
final class ReferenceRules {
    /** The references a driver's code holds on one object, and the line that took the first. */
    private static final class Holding {
        int count;
        StackTraceElement frame;
    }

    private final HandleOrigins handles;
    private final Findings findings;
    private final Map<DriverObject, Map<KernelObject, Holding>> ledgers = new IdentityHashMap<>();
    private final Map<DriverObject, Set<KernelObject>> handedOut = new IdentityHashMap<>();

    ReferenceRules(HandleOrigins handles, Findings findings) {
        this.handles = handles;
        this.findings = findings;
    }

    /** Driver code took a reference itself. */
    void referenced(DriverObject driver, KernelObject object, StackTraceElement frame) {
        Holding holding = ledgers.computeIfAbsent(driver, ignored -> new IdentityHashMap<>())
                .computeIfAbsent(object, ignored -> new Holding());
        if (holding.count++ == 0) holding.frame = frame;
    }

    /** Whether the driver's ledger counts a reference on {@code object}: only then is a dereference worth a look. */
    boolean counts(DriverObject driver, KernelObject object) {
        Holding holding = ledger(driver).get(object);
        return holding != null && holding.count > 0;
    }

    /** Driver code drops a reference itself ({@code inUnload}: from its DriverUnload). */
    void dereferencing(Thread thread, DriverObject driver, KernelObject object, boolean inUnload, StackTraceElement frame) {
        Holding holding = ledger(driver).get(object);
        if (holding == null || holding.count == 0) return;
        if (--holding.count > 0 || inUnload || !(object instanceof Section)) return;
        if (handles.holdsKernelHandle(driver, object)) return;
        HandleOrigins.Slot given = handles.openUserHandle(driver, object);
        if (given == null || !inDeviceExtension(driver, object)) return;
        String name = Findings.name(object);
        findings.report(Rule.SV8, "driver code dropped its own reference on " + name + " while "
                + given.owner().describe() + " still holds the handle (" + Handles.format(given.handle())
                + ") the driver gave it and the device extension still points at the section: when that process"
                + " closes the handle the section is deleted under the driver", frame, thread, name);
    }

    /** Driver code made a handle entry; {@code creation}: the handle of a section it created in the same call. */
    void inserted(Thread thread, DriverObject driver, Process owner, long handle, KernelObject object, boolean creation,
                  StackTraceElement frame) {
        if (!(object instanceof Section) || owner.id() == ProcessManager.SYSTEM_PROCESS_ID) return;
        handedOut.computeIfAbsent(driver, ignored -> Collections.newSetFromMap(new IdentityHashMap<>())).add(object);
        if (creation || counts(driver, object) || handles.holdsKernelHandle(driver, object)) return;
        String name = Findings.name(object);
        findings.report(Rule.SV8, "driver code put a handle (" + Handles.format(handle) + ") to " + name + " into "
                + owner.describe() + "'s table while the driver holds no reference of its own on the section: the"
                + " process can delete it by closing the handle", frame, thread, name);
    }

    /** Driver code touched a deleted object. */
    void deletedUsed(Thread thread, DriverObject driver, KernelObject object, StackTraceElement frame) {
        Set<KernelObject> given = handedOut.get(driver);
        if (given == null || !given.contains(object)) return;
        String name = Findings.name(object);
        findings.report(Rule.SV8, "driver code used " + name + " after it was deleted: the driver had handed a handle"
                + " to user mode without keeping a reference of its own, and the handle was closed", frame, thread, name);
    }

    /** DriverUnload returned: whatever the ledger still counts, and every kernel section handle still open, is SV9. */
    void unloaded(Thread thread, DriverObject driver) {
        for (Map.Entry<KernelObject, Holding> entry : ledger(driver).entrySet()) {
            KernelObject object = entry.getKey();
            Holding holding = entry.getValue();
            if (holding.count <= 0 || object.isDeleted()) continue;
            String name = Findings.name(object);
            findings.report(Rule.SV9, driver.DriverName + " still holds " + holding.count + " pointer reference"
                    + (holding.count == 1 ? "" : "s") + " on " + name + " after its DriverUnload returned, taken where this"
                    + " finding points: the object and its pages outlive the driver", holding.frame, thread, name);
        }
        for (Map.Entry<HandleOrigins.Slot, HandleOrigins.Made> entry : handles.openKernelHandles(driver)) {
            KernelObject object = entry.getValue().object();
            if (!(object instanceof Section)) continue;
            String name = Findings.name(object);
            findings.report(Rule.SV9, driver.DriverName + " still holds kernel handle "
                    + Handles.format(Handles.toKernelHandle(entry.getKey().handle())) + " to " + name
                    + " after its DriverUnload returned, made where this finding points",
                    entry.getValue().frame(), thread, name);
        }
        ledgers.remove(driver);
        handedOut.remove(driver);
    }

    private Map<KernelObject, Holding> ledger(DriverObject driver) {
        Map<KernelObject, Holding> ledger = ledgers.get(driver);
        return ledger == null ? Map.of() : ledger;
    }

    /**
     * Whether a field of one of the driver's device extensions holds {@code object}
     * itself, or a collection or array of them does: one level deep, as a C extension
     * holds a PVOID or an array of them.
     */
    static boolean inDeviceExtension(DriverObject driver, Object object) {
        for (DeviceObject device : driver.devices()) {
            Object extension = device.DeviceExtension;
            if (extension == object) return true;
            if (extension != null && holds(extension, object)) return true;
        }
        return false;
    }

    private static boolean holds(Object extension, Object object) {
        for (Class<?> type = extension.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            if (type.getName().startsWith("java.")) return false;
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) continue;
                Object value;
                try {
                    field.setAccessible(true);
                    value = field.get(extension);
                } catch (RuntimeException | IllegalAccessException unreadable) {
                    continue;
                }
                if (value == object || contains(value, object)) return true;
            }
        }
        return false;
    }

    private static boolean contains(Object value, Object object) {
        try {
            return containsElement(value, object);
        } catch (RuntimeException changing) {
            // A collection the driver changes meanwhile (free mode): not a place to look now.
            return false;
        }
    }

    private static boolean containsElement(Object value, Object object) {
        if (value instanceof Collection<?> collection) {
            for (Object element : collection) if (element == object) return true;
        } else if (value instanceof Map<?, ?> map) {
            for (Object element : map.values()) if (element == object) return true;
        } else if (value instanceof Object[] array) {
            for (Object element : array) if (element == object) return true;
        }
        return false;
    }
}
