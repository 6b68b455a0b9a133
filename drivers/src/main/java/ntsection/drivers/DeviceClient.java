package ntsection.drivers;

import ntsection.io.IoStatusBlock;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.ob.ObjectAttributes;
import ntsection.user.UserContext;

import static ntsection.io.FileAccess.FILE_GENERIC_READ;
import static ntsection.io.FileAccess.FILE_GENERIC_WRITE;
import static ntsection.mm.PageProtection.*;
import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static ntsection.ob.Handles.NtCurrentProcess;

/**
 * What every client does in user mode, as a Win32 program does through ntdll: open
 * the device (NtOpenFile), keep one page of its own memory for request and reply
 * buffers, send control codes (NtDeviceIoControlFile), close.
 */
public class DeviceClient {
    public static final int BUFFER_SIZE = 8192;

    protected final UserContext user;
    protected long device;
    protected long buffer;
    /** Information from the last request's IO_STATUS_BLOCK: the bytes the driver returned. */
    protected long returned;

    protected DeviceClient(UserContext user) {
        this.user = user;
    }

    public NtStatus open(String deviceName) {
        LongOut handle = new LongOut();
        NtStatus status = user.nt().ntOpenFile(handle, FILE_GENERIC_READ | FILE_GENERIC_WRITE,
                ObjectAttributes.named(deviceName, 0), new IoStatusBlock());
        if (!status.isSuccess()) return status;
        LongOut base = new LongOut();
        status = user.nt().ntAllocateVirtualMemory(NtCurrentProcess, base, 0, new LongOut(BUFFER_SIZE),
                MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
        if (!status.isSuccess()) {
            user.nt().ntClose(handle.value);
            return status;
        }
        device = handle.value;
        buffer = base.value;
        return STATUS_SUCCESS;
    }

    /** The request's input goes from the start of the buffer, its output comes back to the same place. */
    protected NtStatus control(int code, byte[] input, int outputLength) {
        user.write(buffer, input);
        IoStatusBlock ioStatus = new IoStatusBlock();
        NtStatus status = user.nt().ntDeviceIoControlFile(device, ioStatus, code, buffer, input.length, buffer,
                outputLength);
        returned = ioStatus.Information;
        return status;
    }

    protected byte[] reply() {
        return user.read(buffer, (int) returned);
    }

    protected long replyLong() {
        return user.readLong(buffer);
    }

    public long deviceHandle() {
        return device;
    }

    public NtStatus close() {
        return user.nt().ntClose(device);
    }
}
