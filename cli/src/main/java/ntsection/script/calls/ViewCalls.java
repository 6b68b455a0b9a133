package ntsection.script.calls;

import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.script.Arguments;
import ntsection.script.Call;
import ntsection.script.CallTable;
import ntsection.script.Reply;

import static ntsection.script.ArgumentKind.HANDLE;
import static ntsection.script.ArgumentKind.NUMBER;
import static ntsection.script.OutputFormat.HEX;

/** Mapping and unmapping views of sections in a process's user range. */
public final class ViewCalls {
    private ViewCalls() {
    }

    public static void register(CallTable table) {
        table.add(map("NtMapViewOfSection").invokes((system, a) -> {
            Pointers p = new Pointers(a);
            return p.reply(system.nt().ntMapViewOfSection(a.number("section"), a.number("process"), p.base, a.number("zerobits"),
                    a.number("commit"), p.offset, p.size, a.int32("inherit"), a.int32("allocation"), a.int32("protect")));
        }));
        table.add(map("ZwMapViewOfSection").invokes((system, a) -> {
            Pointers p = new Pointers(a);
            return p.reply(system.zw().zwMapViewOfSection(a.number("section"), a.number("process"), p.base, a.number("zerobits"),
                    a.number("commit"), p.offset, p.size, a.int32("inherit"), a.int32("allocation"), a.int32("protect")));
        }));
        table.add(unmap("NtUnmapViewOfSection").invokes((system, a) ->
                Reply.of(system.nt().ntUnmapViewOfSection(a.number("process"), a.number("base")))));
        table.add(unmap("ZwUnmapViewOfSection").invokes((system, a) ->
                Reply.of(system.zw().zwUnmapViewOfSection(a.number("process"), a.number("base")))));
    }

    /** The in/out pointers of a map call: BaseAddress, ViewSize and, when the script gives one, SectionOffset. */
    private static final class Pointers {
        final LongOut base;
        final LongOut size;
        final LongOut offset;

        Pointers(Arguments a) {
            base = new LongOut(a.number("base"));
            size = new LongOut(a.number("size"));
            // Most callers pass a NULL SectionOffset; an offset the script writes is passed by pointer.
            offset = a.given("offset") ? new LongOut(a.number("offset")) : null;
        }

        Reply reply(NtStatus status) {
            return Reply.of(status, base.value, size.value);
        }
    }

    private static Call.Builder map(String name) {
        return Call.service(name)
                .parameter("section", HANDLE)
                .process("process")
                .parameter("base", NUMBER)
                .parameter("zerobits", NUMBER)
                .parameter("commit", NUMBER)
                .parameter("offset", NUMBER)
                .parameter("size", NUMBER)
                .parameter("inherit", NUMBER, "ViewShare")
                .parameter("allocation", NUMBER)
                .parameter("protect", NUMBER, "PAGE_READWRITE")
                .output("base", HEX)
                .output("size", HEX);
    }

    private static Call.Builder unmap(String name) {
        return Call.service(name).process("process").parameter("base", NUMBER);
    }
}
