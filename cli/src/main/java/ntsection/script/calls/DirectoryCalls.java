package ntsection.script.calls;

import ntsection.nt.LongOut;
import ntsection.script.Call;
import ntsection.script.CallTable;
import ntsection.script.Reply;

import static ntsection.script.ArgumentKind.NUMBER;
import static ntsection.script.OutputFormat.HEX;

/** Object directories of the namespace. */
public final class DirectoryCalls {
    private DirectoryCalls() {
    }

    public static void register(CallTable table) {
        table.add(directory("NtCreateDirectoryObject").invokes((system, a) -> {
            LongOut handle = new LongOut();
            return Reply.of(system.nt().ntCreateDirectoryObject(handle, a.int32("access"), a.objectAttributes()), handle.value);
        }));
        table.add(directory("ZwCreateDirectoryObject").invokes((system, a) -> {
            LongOut handle = new LongOut();
            return Reply.of(system.zw().zwCreateDirectoryObject(handle, a.int32("access"), a.objectAttributes()), handle.value);
        }));
        table.add(directory("NtOpenDirectoryObject").invokes((system, a) -> {
            LongOut handle = new LongOut();
            return Reply.of(system.nt().ntOpenDirectoryObject(handle, a.int32("access"), a.objectAttributes()), handle.value);
        }));
        table.add(directory("ZwOpenDirectoryObject").invokes((system, a) -> {
            LongOut handle = new LongOut();
            return Reply.of(system.zw().zwOpenDirectoryObject(handle, a.int32("access"), a.objectAttributes()), handle.value);
        }));
    }

    private static Call.Builder directory(String name) {
        return Call.service(name).parameter("access", NUMBER).objectAttributes().output("handle", HEX);
    }
}
