package ntsection.script.calls;

import ntsection.io.IoStatusBlock;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.script.Call;
import ntsection.script.CallTable;
import ntsection.script.Reply;

import static ntsection.script.ArgumentKind.HANDLE;
import static ntsection.script.ArgumentKind.NUMBER;
import static ntsection.script.ArgumentKind.STRING;
import static ntsection.script.OutputFormat.DECIMAL;
import static ntsection.script.OutputFormat.HEX;

/**
 * Device I/O: opening a device by name and sending it a control code. The create and
 * open calls take the OBJECT_ATTRIBUTES arguments (name, root, attributes); in and
 * out are addresses in the caller's context (user addresses from user mode), their
 * lengths inlength and outlength. The output information is IoStatus.Information:
 * the bytes the driver returned. Additions to SCRIPT.md's table: ZwOpenFile and
 * ZwDeviceIoControlFile (the same services with previous mode kernel), and NtReadFile
 * and NtWriteFile (handle, buffer, length, offset; output information), and
 * NtLoadDriver/NtUnloadDriver (name: the service's registry key,
 * \Registry\Machine\System\CurrentControlSet\Services\NAME), which the devices
 * they load and unload make part of device I/O.
 */
public final class FileCalls {
    private FileCalls() {
    }

    public static void register(CallTable table) {
        for (String name : new String[] {"NtCreateFile", "NtOpenFile"}) {
            table.add(open(name).invokes((system, a) -> {
                LongOut handle = new LongOut();
                NtStatus status = name.equals("NtCreateFile")
                        ? system.nt().ntCreateFile(handle, a.int32("access"), a.objectAttributes(), new IoStatusBlock())
                        : system.nt().ntOpenFile(handle, a.int32("access"), a.objectAttributes(), new IoStatusBlock());
                return Reply.of(status, handle.value);
            }));
        }
        table.add(open("ZwOpenFile").invokes((system, a) -> {
            LongOut handle = new LongOut();
            return Reply.of(system.zw().zwOpenFile(handle, a.int32("access"), a.objectAttributes(), new IoStatusBlock()),
                    handle.value);
        }));
        table.add(Call.service("NtLoadDriver").parameter("name", STRING)
                .invokes((system, a) -> Reply.of(system.nt().ntLoadDriver(a.string("name")))));
        table.add(Call.service("NtUnloadDriver").parameter("name", STRING)
                .invokes((system, a) -> Reply.of(system.nt().ntUnloadDriver(a.string("name")))));
        table.add(transfer("NtReadFile").invokes((system, a) -> {
            IoStatusBlock ioStatus = new IoStatusBlock();
            NtStatus status = system.nt().ntReadFile(a.number("handle"), ioStatus, a.number("buffer"), a.int32("length"),
                    a.number("offset"));
            return Reply.of(status, ioStatus.Information);
        }));
        table.add(transfer("NtWriteFile").invokes((system, a) -> {
            IoStatusBlock ioStatus = new IoStatusBlock();
            NtStatus status = system.nt().ntWriteFile(a.number("handle"), ioStatus, a.number("buffer"), a.int32("length"),
                    a.number("offset"));
            return Reply.of(status, ioStatus.Information);
        }));
        table.add(control("NtDeviceIoControlFile").invokes((system, a) -> {
            IoStatusBlock ioStatus = new IoStatusBlock();
            NtStatus status = system.nt().ntDeviceIoControlFile(a.number("handle"), ioStatus, a.int32("code"),
                    a.number("in"), a.int32("inlength"), a.number("out"), a.int32("outlength"));
            return Reply.of(status, ioStatus.Information);
        }));
        table.add(control("ZwDeviceIoControlFile").invokes((system, a) -> {
            IoStatusBlock ioStatus = new IoStatusBlock();
            NtStatus status = system.zw().zwDeviceIoControlFile(a.number("handle"), ioStatus, a.int32("code"),
                    a.number("in"), a.int32("inlength"), a.number("out"), a.int32("outlength"));
            return Reply.of(status, ioStatus.Information);
        }));
    }

    private static Call.Builder transfer(String name) {
        return Call.service(name)
                .parameter("handle", HANDLE)
                .parameter("buffer", NUMBER)
                .parameter("length", NUMBER)
                .parameter("offset", NUMBER)
                .output("information", DECIMAL);
    }

    private static Call.Builder open(String name) {
        return Call.service(name)
                .parameter("access", NUMBER)
                .objectAttributes()
                .output("handle", HEX);
    }

    private static Call.Builder control(String name) {
        return Call.service(name)
                .parameter("handle", HANDLE)
                .parameter("code", NUMBER)
                .parameter("in", NUMBER)
                .parameter("inlength", NUMBER)
                .parameter("out", NUMBER)
                .parameter("outlength", NUMBER)
                .output("information", DECIMAL);
    }
}
