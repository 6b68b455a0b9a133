package ntsection.script.calls;

import ntsection.mm.Section;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.ob.KernelObject;
import ntsection.script.ArgumentError;
import ntsection.script.Call;
import ntsection.script.CallTable;
import ntsection.script.Reply;

import static ntsection.script.ArgumentKind.NUMBER;
import static ntsection.script.ArgumentKind.OBJECT;
import static ntsection.script.OutputFormat.HEX;

/** Views in the system view space, which every kernel context shares: the driver's way to a section's pages. */
public final class SystemViewCalls {
    private SystemViewCalls() {
    }

    public static void register(CallTable table) {
        // size is the in/out ViewSize: 0 (the default) maps the whole section.
        table.add(Call.kernelRoutine("MmMapViewInSystemSpace")
                .parameter("object", OBJECT)
                .parameter("size", NUMBER)
                .output("base", HEX)
                .output("size", HEX)
                .invokes((system, a) -> {
                    LongOut base = new LongOut();
                    LongOut size = new LongOut(a.number("size"));
                    NtStatus status = system.mm().mmMapViewInSystemSpace(section(a.object("object")), base, size);
                    return Reply.of(status, base.value, size.value);
                }));

        // VOID in NT: a script sees success unless it bug-checks.
        table.add(Call.kernelRoutine("MmUnmapViewInSystemSpace")
                .parameter("base", NUMBER)
                .invokes((system, a) -> Reply.of(system.mm().mmUnmapViewInSystemSpace(a.number("base")))));
    }

    private static Section section(KernelObject object) {
        if (object instanceof Section section) return section;
        throw new ArgumentError("MmMapViewInSystemSpace takes a section object, not " + object.describe());
    }
}
