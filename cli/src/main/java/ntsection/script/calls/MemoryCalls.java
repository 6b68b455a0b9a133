package ntsection.script.calls;

import ntsection.nt.NtStatus;
import ntsection.script.ArgumentError;
import ntsection.script.ArgumentKind;
import ntsection.script.Call;
import ntsection.script.CallTable;
import ntsection.script.OutputFormat;
import ntsection.script.Reply;

import static ntsection.script.ArgumentKind.NUMBER;

/**
 * Loads and stores, as the step's code makes them through its own virtual addresses.
 * A fault is raised in the step's context, which decides what it becomes: the user
 * program's exception, a guarded kernel context's status, or a bug-check.
 */
public final class MemoryCalls {
    /** A read longer than this is a script mistake, not a memory access worth making. */
    private static final long MAX_READ = 1 << 20;

    private MemoryCalls() {
    }

    public static void register(CallTable table) {
        table.add(Call.service("read")
                .parameter("address", NUMBER)
                .parameter("length", NUMBER)
                .output("data", OutputFormat.DATA)
                .invokes((system, a) -> Reply.of(NtStatus.STATUS_SUCCESS, system.mm().access().read(a.number("address"),
                        length(a.number("length"))))));
        table.add(Call.service("write")
                .parameter("address", NUMBER)
                .parameter("data", ArgumentKind.DATA)
                .invokes((system, a) -> {
                    system.mm().access().write(a.number("address"), a.data("data"));
                    return Reply.of(NtStatus.STATUS_SUCCESS);
                }));
    }

    private static int length(long length) {
        if (length < 0 || length > MAX_READ) {
            throw new ArgumentError("read length must be between 0 and " + MAX_READ + ", not " + length);
        }
        return (int) length;
    }
}
