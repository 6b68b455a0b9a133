package ntsection.io;

import ntsection.Executive;
import ntsection.io.samples.EchoDriver;
import ntsection.io.samples.EchoExtension;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.ob.Handles;
import ntsection.ob.ObjectAttributes;
import ntsection.ps.Process;
import ntsection.testing.Systems;

import static ntsection.mm.PageProtection.*;
import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A booted system with the echo driver loaded, and the user-mode steps the I/O tests repeat. */
final class EchoSystem {
    final Executive system = Systems.boot();

    EchoSystem() {
        assertEquals(STATUS_SUCCESS, system.loadDriver(EchoDriver.SERVICE_NAME));
    }

    DeviceObject echoDevice() {
        return device(EchoDriver.DEVICE_NAME);
    }

    DeviceObject device(String name) {
        return system.io().driver(EchoDriver.SERVICE_NAME).devices().stream()
                .filter(d -> name.equalsIgnoreCase(d.path())).findFirst().orElseThrow();
    }

    EchoExtension echo() {
        return echoDevice().extension(EchoExtension.class);
    }

    /** NtOpenFile from the process's user-mode code; the status goes to {@code status}. */
    NtStatus open(Process process, String name, int access, LongOut handle) {
        return system.inUserMode(process, () -> system.nt().ntOpenFile(handle, access, ObjectAttributes.named(name, 0),
                new IoStatusBlock()));
    }

    long open(Process process, int access) {
        LongOut handle = new LongOut();
        assertEquals(STATUS_SUCCESS, open(process, EchoDriver.DEVICE_NAME, access, handle));
        return handle.value;
    }

    /** Committed read/write private memory in the process: the user's buffers. */
    long allocate(Process process, long size) {
        LongOut base = new LongOut();
        LongOut regionSize = new LongOut(size);
        assertEquals(STATUS_SUCCESS, system.inUserMode(process, () -> system.nt().ntAllocateVirtualMemory(
                Handles.NtCurrentProcess, base, 0, regionSize, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE)));
        return base.value;
    }

    void free(Process process, long base) {
        assertEquals(STATUS_SUCCESS, system.inUserMode(process, () -> system.nt().ntFreeVirtualMemory(
                Handles.NtCurrentProcess, new LongOut(base), new LongOut(), MEM_RELEASE)));
    }

    NtStatus ioctl(Process process, long handle, int code, long in, int inLength, long out, int outLength,
                   IoStatusBlock ioStatus) {
        return system.inUserMode(process, () -> system.nt().ntDeviceIoControlFile(handle, ioStatus, code, in, inLength,
                out, outLength));
    }

    void write(Process process, long address, byte[] data) {
        system.inUserMode(process, () -> {
            system.mm().access().write(address, data);
            return null;
        });
    }

    byte[] read(Process process, long address, int length) {
        return system.inUserMode(process, () -> system.mm().access().read(address, length));
    }

    NtStatus close(Process process, long handle) {
        return system.inUserMode(process, () -> system.nt().ntClose(handle));
    }
}
