package ntsection.script.calls;

import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ob.ObjectBasicInformation;
import ntsection.script.Call;
import ntsection.script.CallTable;
import ntsection.script.Reply;

import static ntsection.script.ArgumentKind.HANDLE;
import static ntsection.script.ArgumentKind.NUMBER;
import static ntsection.script.OutputFormat.DECIMAL;
import static ntsection.script.OutputFormat.HEX;

/** Handle services: close, duplicate, query, temporary and permanent objects. */
public final class HandleCalls {
    private HandleCalls() {
    }

    public static void register(CallTable table) {
        table.add(Call.service("NtClose").parameter("handle", HANDLE)
                .invokes((system, a) -> Reply.of(system.nt().ntClose(a.number("handle")))));
        table.add(Call.service("ZwClose").parameter("handle", HANDLE)
                .invokes((system, a) -> Reply.of(system.zw().zwClose(a.number("handle")))));

        table.add(duplicate("NtDuplicateObject").invokes((system, a) -> {
            LongOut handle = new LongOut();
            NtStatus status = system.nt().ntDuplicateObject(a.number("sourceprocess"), a.number("source"),
                    a.number("targetprocess"), handle, a.int32("access"), a.int32("attributes"), a.int32("options"));
            return Reply.of(status, handle.value);
        }));
        table.add(duplicate("ZwDuplicateObject").invokes((system, a) -> {
            LongOut handle = new LongOut();
            NtStatus status = system.zw().zwDuplicateObject(a.number("sourceprocess"), a.number("source"),
                    a.number("targetprocess"), handle, a.int32("access"), a.int32("attributes"), a.int32("options"));
            return Reply.of(status, handle.value);
        }));

        table.add(query("NtQueryObject").invokes((system, a) -> {
            Out<ObjectBasicInformation> information = new Out<>();
            return basic(system.nt().ntQueryObject(a.number("handle"), information), information);
        }));
        table.add(query("ZwQueryObject").invokes((system, a) -> {
            Out<ObjectBasicInformation> information = new Out<>();
            return basic(system.zw().zwQueryObject(a.number("handle"), information), information);
        }));

        table.add(Call.service("NtMakeTemporaryObject").parameter("handle", HANDLE)
                .invokes((system, a) -> Reply.of(system.nt().ntMakeTemporaryObject(a.number("handle")))));
        table.add(Call.service("ZwMakeTemporaryObject").parameter("handle", HANDLE)
                .invokes((system, a) -> Reply.of(system.zw().zwMakeTemporaryObject(a.number("handle")))));
        table.add(Call.service("NtMakePermanentObject").parameter("handle", HANDLE)
                .invokes((system, a) -> Reply.of(system.nt().ntMakePermanentObject(a.number("handle")))));
    }

    private static Call.Builder duplicate(String name) {
        return Call.service(name)
                .process("sourceprocess")
                .parameter("source", HANDLE)
                .process("targetprocess")
                .parameter("access", NUMBER)
                .parameter("attributes", NUMBER)
                .parameter("options", NUMBER)
                .output("handle", HEX);
    }

    private static Call.Builder query(String name) {
        return Call.service(name)
                .parameter("handle", HANDLE)
                .output("handles", DECIMAL)
                .output("pointers", DECIMAL)
                .output("access", HEX)
                .output("attributes", HEX);
    }

    private static Reply basic(NtStatus status, Out<ObjectBasicInformation> information) {
        ObjectBasicInformation info = information.value;
        if (info == null) return Reply.of(status, 0L, 0L, 0L, 0L);
        return Reply.of(status, (long) info.handleCount(), (long) info.pointerCount(),
                Reply.unsigned(info.grantedAccess()), Reply.unsigned(info.attributes()));
    }
}
