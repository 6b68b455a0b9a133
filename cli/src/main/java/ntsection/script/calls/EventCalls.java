package ntsection.script.calls;

import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.script.Call;
import ntsection.script.CallTable;
import ntsection.script.Reply;

import static ntsection.script.ArgumentKind.BOOLEAN;
import static ntsection.script.ArgumentKind.NUMBER;
import static ntsection.script.OutputFormat.HEX;

/** Event objects: the simplest named objects, handy for exercising handles and names. */
public final class EventCalls {
    private EventCalls() {
    }

    public static void register(CallTable table) {
        table.add(create("NtCreateEvent").invokes((system, a) -> {
            LongOut handle = new LongOut();
            NtStatus status = system.nt().ntCreateEvent(handle, a.int32("access"), a.objectAttributes(),
                    a.int32("eventtype"), a.bool("initialstate"));
            return Reply.of(status, handle.value);
        }));
        table.add(create("ZwCreateEvent").invokes((system, a) -> {
            LongOut handle = new LongOut();
            NtStatus status = system.zw().zwCreateEvent(handle, a.int32("access"), a.objectAttributes(),
                    a.int32("eventtype"), a.bool("initialstate"));
            return Reply.of(status, handle.value);
        }));
        table.add(open("NtOpenEvent").invokes((system, a) -> {
            LongOut handle = new LongOut();
            return Reply.of(system.nt().ntOpenEvent(handle, a.int32("access"), a.objectAttributes()), handle.value);
        }));
        table.add(open("ZwOpenEvent").invokes((system, a) -> {
            LongOut handle = new LongOut();
            return Reply.of(system.zw().zwOpenEvent(handle, a.int32("access"), a.objectAttributes()), handle.value);
        }));
    }

    private static Call.Builder create(String name) {
        return Call.service(name)
                .parameter("access", NUMBER)
                .objectAttributes()
                .parameter("eventtype", NUMBER)
                .parameter("initialstate", BOOLEAN)
                .output("handle", HEX);
    }

    private static Call.Builder open(String name) {
        return Call.service(name).parameter("access", NUMBER).objectAttributes().output("handle", HEX);
    }
}
