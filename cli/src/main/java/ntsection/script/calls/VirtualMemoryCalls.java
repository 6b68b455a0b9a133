package ntsection.script.calls;

import ntsection.mm.MemoryBasicInformation;
import ntsection.mm.VirtualMemoryServices;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.script.Call;
import ntsection.script.CallTable;
import ntsection.script.Reply;

import static ntsection.script.ArgumentKind.NUMBER;
import static ntsection.script.OutputFormat.HEX;

/**
 * Protecting, querying, allocating and freeing virtual memory in a process's user
 * range: private memory and views alike. The in/out base and size come back as outputs.
 */
public final class VirtualMemoryCalls {
    private VirtualMemoryCalls() {
    }

    public static void register(CallTable table) {
        table.add(protect("NtProtectVirtualMemory").invokes((system, a) -> {
            LongOut base = new LongOut(a.number("base"));
            LongOut size = new LongOut(a.number("size"));
            LongOut old = new LongOut();
            NtStatus status = system.nt().ntProtectVirtualMemory(a.number("process"), base, size, a.int32("protect"), old);
            return Reply.of(status, old.value, base.value, size.value);
        }));
        table.add(protect("ZwProtectVirtualMemory").invokes((system, a) -> {
            LongOut base = new LongOut(a.number("base"));
            LongOut size = new LongOut(a.number("size"));
            LongOut old = new LongOut();
            NtStatus status = system.zw().zwProtectVirtualMemory(a.number("process"), base, size, a.int32("protect"), old);
            return Reply.of(status, old.value, base.value, size.value);
        }));

        table.add(query("NtQueryVirtualMemory").invokes((system, a) -> {
            Out<MemoryBasicInformation> information = new Out<>();
            return basic(system.nt().ntQueryVirtualMemory(a.number("process"), a.number("base"),
                    VirtualMemoryServices.MemoryBasicInformation, information), information.value);
        }));
        table.add(query("ZwQueryVirtualMemory").invokes((system, a) -> {
            Out<MemoryBasicInformation> information = new Out<>();
            return basic(system.zw().zwQueryVirtualMemory(a.number("process"), a.number("base"),
                    VirtualMemoryServices.MemoryBasicInformation, information), information.value);
        }));

        table.add(allocate("NtAllocateVirtualMemory").invokes((system, a) -> {
            LongOut base = new LongOut(a.number("base"));
            LongOut size = new LongOut(a.number("size"));
            NtStatus status = system.nt().ntAllocateVirtualMemory(a.number("process"), base, a.number("zerobits"), size,
                    a.int32("allocation"), a.int32("protect"));
            return Reply.of(status, base.value, size.value);
        }));
        table.add(allocate("ZwAllocateVirtualMemory").invokes((system, a) -> {
            LongOut base = new LongOut(a.number("base"));
            LongOut size = new LongOut(a.number("size"));
            NtStatus status = system.zw().zwAllocateVirtualMemory(a.number("process"), base, a.number("zerobits"), size,
                    a.int32("allocation"), a.int32("protect"));
            return Reply.of(status, base.value, size.value);
        }));

        table.add(free("NtFreeVirtualMemory").invokes((system, a) -> {
            LongOut base = new LongOut(a.number("base"));
            LongOut size = new LongOut(a.number("size"));
            NtStatus status = system.nt().ntFreeVirtualMemory(a.number("process"), base, size, a.int32("freetype"));
            return Reply.of(status, base.value, size.value);
        }));
        table.add(free("ZwFreeVirtualMemory").invokes((system, a) -> {
            LongOut base = new LongOut(a.number("base"));
            LongOut size = new LongOut(a.number("size"));
            NtStatus status = system.zw().zwFreeVirtualMemory(a.number("process"), base, size, a.int32("freetype"));
            return Reply.of(status, base.value, size.value);
        }));
    }

    private static Reply basic(NtStatus status, MemoryBasicInformation info) {
        if (info == null) return Reply.of(status, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
        return Reply.of(status, info.baseAddress(), info.allocationBase(), Reply.unsigned(info.allocationProtect()),
                info.regionSize(), Reply.unsigned(info.state()), Reply.unsigned(info.protect()), Reply.unsigned(info.type()));
    }

    private static Call.Builder protect(String name) {
        return Call.service(name)
                .process("process")
                .parameter("base", NUMBER)
                .parameter("size", NUMBER)
                .parameter("protect", NUMBER)
                .output("old", HEX)
                .output("base", HEX)
                .output("size", HEX);
    }

    private static Call.Builder query(String name) {
        return Call.service(name)
                .process("process")
                .parameter("base", NUMBER)
                .output("base", HEX)
                .output("allocationbase", HEX)
                .output("allocationprotect", HEX)
                .output("size", HEX)
                .output("state", HEX)
                .output("protect", HEX)
                .output("type", HEX);
    }

    private static Call.Builder allocate(String name) {
        return Call.service(name)
                .process("process")
                .parameter("base", NUMBER)
                .parameter("zerobits", NUMBER)
                .parameter("size", NUMBER)
                .parameter("allocation", NUMBER)
                .parameter("protect", NUMBER, "PAGE_READWRITE")
                .output("base", HEX)
                .output("size", HEX);
    }

    private static Call.Builder free(String name) {
        return Call.service(name)
                .process("process")
                .parameter("base", NUMBER)
                .parameter("size", NUMBER)
                .parameter("freetype", NUMBER, "MEM_RELEASE")
                .output("base", HEX)
                .output("size", HEX);
    }
}
