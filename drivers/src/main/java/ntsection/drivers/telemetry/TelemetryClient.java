package ntsection.drivers.telemetry;

import ntsection.drivers.DeviceClient;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.user.UserContext;
import ntsection.user.UserProgram;

import static ntsection.drivers.telemetry.SharedSectionIoctl.*;
import static ntsection.mm.PageProtection.PAGE_READONLY;
import static ntsection.mm.PageProtection.ViewUnmap;
import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static ntsection.ob.Handles.NtCurrentProcess;

/**
 * A monitoring program: asks the driver for a handle to its telemetry section, maps
 * its own read-only view, reads the counters, and lets go of view and handle.
 */
public final class TelemetryClient extends DeviceClient {
    private long section;
    private long view;

    public TelemetryClient(UserContext user) {
        super(user);
    }

    public NtStatus open() {
        return open(SharedSectionDriver.DEVICE_NAME);
    }

    public NtStatus recordEvent() {
        return control(IOCTL_TELEMETRY_RECORD_EVENT, new byte[0], 0);
    }

    /** The driver's handle for us, then our own view of the section. */
    public NtStatus mapTelemetry() {
        NtStatus status = control(IOCTL_TELEMETRY_OPEN_SECTION, new byte[0], Long.BYTES);
        if (!status.isSuccess()) return status;
        section = replyLong();
        LongOut base = new LongOut();
        status = user.nt().ntMapViewOfSection(section, NtCurrentProcess, base, 0, 0, null, new LongOut(), ViewUnmap, 0,
                PAGE_READONLY);
        if (status.isSuccess()) view = base.value;
        return status;
    }

    public long sectionHandle() {
        return section;
    }

    public long counter(int offset) {
        return user.readLong(view + offset);
    }

    public NtStatus closeSectionHandle() {
        return user.nt().ntClose(section);
    }

    public NtStatus unmap() {
        return user.nt().ntUnmapViewOfSection(NtCurrentProcess, view);
    }

    /** Records {@code events} events, then reads them back through its own view; the count lands in {@code seen}. */
    public static UserProgram session(int events, long[] seen) {
        return user -> {
            TelemetryClient client = new TelemetryClient(user);
            if (client.open() != STATUS_SUCCESS) return;
            for (int i = 0; i < events; i++) client.recordEvent();
            if (client.mapTelemetry().isSuccess()) {
                seen[0] = client.counter(EVENTS_RECORDED);
                client.unmap();
            }
            client.closeSectionHandle();
            client.close();
        };
    }
}
