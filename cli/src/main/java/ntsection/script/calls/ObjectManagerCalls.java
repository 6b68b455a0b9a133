package ntsection.script.calls;

import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ob.KernelObject;
import ntsection.script.Call;
import ntsection.script.CallTable;
import ntsection.script.OutputFormat;
import ntsection.script.Reply;

import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static ntsection.script.ArgumentKind.*;
import static ntsection.script.OutputFormat.HEX;

/** The object manager's routines drivers call: references by handle and by pointer. */
public final class ObjectManagerCalls {
    private ObjectManagerCalls() {
    }

    public static void register(CallTable table) {
        table.add(Call.kernelRoutine("ObReferenceObjectByHandle")
                .parameter("handle", HANDLE)
                .parameter("access", NUMBER)
                .parameter("type", TYPE)
                .parameter("mode", MODE)
                .output("object", OutputFormat.OBJECT)
                .invokes((system, a) -> {
                    Out<KernelObject> object = new Out<>();
                    NtStatus status = system.ob().obReferenceObjectByHandle(a.number("handle"), a.int32("access"),
                            a.type("type"), a.mode("mode"), object, null);
                    return Reply.of(status, object.value);
                }));

        // ObDereferenceObject returns VOID; a script sees it as success unless it bug-checks.
        table.add(Call.kernelRoutine("ObDereferenceObject")
                .parameter("object", OBJECT)
                .invokes((system, a) -> {
                    system.ob().obDereferenceObject(a.object("object"));
                    return Reply.of(STATUS_SUCCESS);
                }));

        table.add(Call.kernelRoutine("ObOpenObjectByPointer")
                .parameter("object", OBJECT)
                .parameter("attributes", NUMBER)
                .parameter("access", NUMBER)
                .parameter("type", TYPE)
                .parameter("mode", MODE)
                .output("handle", HEX)
                .invokes((system, a) -> {
                    LongOut handle = new LongOut();
                    NtStatus status = system.ob().obOpenObjectByPointer(a.object("object"), a.int32("attributes"),
                            a.int32("access"), a.type("type"), a.mode("mode"), handle);
                    return Reply.of(status, handle.value);
                }));
    }
}
