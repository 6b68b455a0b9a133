package ntsection.script.calls;

import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.script.Arguments;
import ntsection.script.Call;
import ntsection.script.CallTable;
import ntsection.script.Reply;

import static ntsection.script.ArgumentKind.NUMBER;
import static ntsection.script.OutputFormat.HEX;

/**
 * Creating and opening sections. There is no file system, so a section is always
 * page-file-backed (or \Device\PhysicalMemory): FileHandle is NULL.
 */
public final class SectionCalls {
    private static final long NO_FILE = 0;

    private SectionCalls() {
    }

    public static void register(CallTable table) {
        table.add(create("NtCreateSection").invokes((system, a) -> {
            LongOut handle = new LongOut();
            NtStatus status = system.nt().ntCreateSection(handle, a.int32("access"), a.objectAttributes(), maximumSize(a),
                    a.int32("protect"), a.int32("allocation"), NO_FILE);
            return Reply.of(status, handle.value);
        }));
        table.add(create("ZwCreateSection").invokes((system, a) -> {
            LongOut handle = new LongOut();
            NtStatus status = system.zw().zwCreateSection(handle, a.int32("access"), a.objectAttributes(), maximumSize(a),
                    a.int32("protect"), a.int32("allocation"), NO_FILE);
            return Reply.of(status, handle.value);
        }));
        table.add(open("NtOpenSection").invokes((system, a) -> {
            LongOut handle = new LongOut();
            return Reply.of(system.nt().ntOpenSection(handle, a.int32("access"), a.objectAttributes()), handle.value);
        }));
        table.add(open("ZwOpenSection").invokes((system, a) -> {
            LongOut handle = new LongOut();
            return Reply.of(system.zw().zwOpenSection(handle, a.int32("access"), a.objectAttributes()), handle.value);
        }));
    }

    /** An omitted size is a NULL MaximumSize, which NT tells apart from a size of 0 only by where it fails. */
    private static Long maximumSize(Arguments a) {
        return a.given("size") ? a.number("size") : null;
    }

    private static Call.Builder create(String name) {
        return Call.service(name)
                .parameter("access", NUMBER)
                .objectAttributes()
                .parameter("size", NUMBER)
                .parameter("protect", NUMBER)
                .parameter("allocation", NUMBER)
                .output("handle", HEX);
    }

    private static Call.Builder open(String name) {
        return Call.service(name).parameter("access", NUMBER).objectAttributes().output("handle", HEX);
    }
}
