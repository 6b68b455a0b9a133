package ntsection.script.calls;

import ntsection.nt.LongOut;
import ntsection.script.Arguments;
import ntsection.script.Call;
import ntsection.script.CallTable;
import ntsection.script.Reply;

import static ntsection.script.ArgumentKind.NUMBER;
import static ntsection.script.ArgumentKind.PROCESS_ID;
import static ntsection.script.OutputFormat.HEX;

/** Opening processes by client id; {@code process=NAME} stands for that process's id here. */
public final class ProcessCalls {
    private ProcessCalls() {
    }

    public static void register(CallTable table) {
        table.add(open("NtOpenProcess").invokes((system, a) -> {
            LongOut handle = new LongOut();
            return Reply.of(system.nt().ntOpenProcess(handle, a.int32("access"), a.objectAttributes(), pid(a)), handle.value);
        }));
        table.add(open("ZwOpenProcess").invokes((system, a) -> {
            LongOut handle = new LongOut();
            return Reply.of(system.zw().zwOpenProcess(handle, a.int32("access"), a.objectAttributes(), pid(a)), handle.value);
        }));
    }

    private static Call.Builder open(String name) {
        return Call.service(name)
                .parameter("access", NUMBER)
                .objectAttributes()
                .parameter("pid", PROCESS_ID)
                .parameter("process", PROCESS_ID)
                .exclusive("pid", "process")
                .output("handle", HEX);
    }

    private static int pid(Arguments a) {
        return a.given("process") ? a.int32("process") : a.int32("pid");
    }
}
