package ntsection.drivers.broker;

import ntsection.drivers.DeviceClient;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.user.UserContext;

import static ntsection.drivers.broker.BrokerIoctl.IOCTL_BROKER_OPEN_PHYSICAL_MEMORY;
import static ntsection.mm.PageProtection.PAGE_READONLY;
import static ntsection.mm.PageProtection.ViewUnmap;
import static ntsection.ob.Handles.NtCurrentProcess;

/** A diagnostic tool: gets a handle to physical memory from the broker and reads one page frame through a view. */
public final class PhysicalPageReader extends DeviceClient {
    public static final int PAGE_SIZE = 4096;

    private long physicalMemory;

    public PhysicalPageReader(UserContext user) {
        super(user);
    }

    public NtStatus open() {
        return open(PhysicalMemoryBroker.DEVICE_NAME);
    }

    public NtStatus requestHandle() {
        NtStatus status = control(IOCTL_BROKER_OPEN_PHYSICAL_MEMORY, new byte[0], Long.BYTES);
        if (status.isSuccess()) physicalMemory = replyLong();
        return status;
    }

    public long physicalMemoryHandle() {
        return physicalMemory;
    }

    /** The first {@code length} bytes of page frame {@code frame}, through a one-page view unmapped again after. */
    public byte[] readFrame(long frame, int length) {
        LongOut base = new LongOut();
        NtStatus status = user.nt().ntMapViewOfSection(physicalMemory, NtCurrentProcess, base, 0, 0,
                new LongOut(frame * PAGE_SIZE), new LongOut(PAGE_SIZE), ViewUnmap, 0, PAGE_READONLY);
        if (!status.isSuccess()) return null;
        byte[] bytes = user.read(base.value, length);
        user.nt().ntUnmapViewOfSection(NtCurrentProcess, base.value);
        return bytes;
    }
}
