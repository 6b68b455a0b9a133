package ntsection.verifier;

import ntsection.Executive;
import ntsection.io.IoStatusBlock;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.ob.Handles;
import ntsection.ob.ObjectAttributes;
import ntsection.ps.Process;

import java.util.function.Supplier;

import static ntsection.io.CtlCode.*;
import static ntsection.io.DeviceFlags.FILE_DEVICE_UNKNOWN;
import static ntsection.io.FileAccess.FILE_READ_DATA;
import static ntsection.mm.PageProtection.*;
import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A well-behaved user-mode client of the outside counter driver: it opens
 * \Device\OutsideCounter and passes it pointers to its own committed memory. The codes
 * are spelt out here, as a client of a driver it does not link against spells them.
 */
final class CounterClient {
    static final String DEVICE_NAME = "\\Device\\OutsideCounter";
    static final int IOCTL_COUNTER_ADD = CTL_CODE(FILE_DEVICE_UNKNOWN, 0x800, METHOD_NEITHER, FILE_ANY_ACCESS);
    static final int IOCTL_COUNTER_TOTAL = CTL_CODE(FILE_DEVICE_UNKNOWN, 0x801, METHOD_BUFFERED, FILE_ANY_ACCESS);

    private final Executive system;
    private final Process process;
    private final long handle;
    private final long buffer;

    CounterClient(Executive system) {
        this.system = system;
        this.process = system.createProcess("client.exe", false);
        LongOut opened = new LongOut();
        assertEquals(STATUS_SUCCESS, user(() -> system.nt().ntOpenFile(opened, FILE_READ_DATA,
                ObjectAttributes.named(DEVICE_NAME, 0), new IoStatusBlock())), "opening " + DEVICE_NAME);
        this.handle = opened.value;
        LongOut base = new LongOut();
        assertEquals(STATUS_SUCCESS, user(() -> system.nt().ntAllocateVirtualMemory(Handles.NtCurrentProcess, base, 0,
                new LongOut(PAGE_SIZE), MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE)));
        this.buffer = base.value;
    }

    NtStatus add(int amount) {
        user(() -> {
            system.mm().access().writeInt(buffer, amount);
            return null;
        });
        return control(IOCTL_COUNTER_ADD, buffer, Integer.BYTES, 0, 0);
    }

    int total() {
        assertEquals(STATUS_SUCCESS, control(IOCTL_COUNTER_TOTAL, 0, 0, buffer, Integer.BYTES));
        return user(() -> system.mm().access().readInt(buffer));
    }

    NtStatus control(int code, long in, int inLength, long out, int outLength) {
        return user(() -> system.nt().ntDeviceIoControlFile(handle, new IoStatusBlock(), code, in, inLength, out,
                outLength));
    }

    NtStatus close() {
        return user(() -> system.nt().ntClose(handle));
    }

    private <T> T user(Supplier<T> body) {
        return system.inUserMode(process, body);
    }
}
