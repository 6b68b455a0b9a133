package ntsection.drivers.attacks;

import ntsection.drivers.DeviceClient;
import ntsection.drivers.telemetry.SharedSectionDriver;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.ob.ObjectAttributes;
import ntsection.user.UserContext;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static ntsection.drivers.telemetry.SharedSectionIoctl.*;
import static ntsection.mm.PageProtection.*;
import static ntsection.ob.Handles.NtCurrentProcess;

/**
 * A malicious telemetry client: creates a section of its own, keeps a writable view of
 * it, offers its handle to the driver with the first request, and then writes whatever
 * counters it likes. Any client the driver hands that section to reads them as the
 * driver's.
 */
public final class PlantedTelemetry extends DeviceClient {
    private long view;

    public PlantedTelemetry(UserContext user) {
        super(user);
    }

    /** Opens the device and offers a fresh section of the attacker's, keeping a writable view. */
    public NtStatus plant() {
        NtStatus status = open(SharedSectionDriver.DEVICE_NAME);
        if (!status.isSuccess()) return status;
        LongOut section = new LongOut();
        status = user.nt().ntCreateSection(section, SECTION_MAP_READ | SECTION_MAP_WRITE | SECTION_QUERY,
                ObjectAttributes.unnamed(0), SECTION_SIZE, PAGE_READWRITE, SEC_COMMIT, 0);
        if (!status.isSuccess()) return status;
        LongOut base = new LongOut();
        status = user.nt().ntMapViewOfSection(section.value, NtCurrentProcess, base, 0, 0, null, new LongOut(),
                ViewUnmap, 0, PAGE_READWRITE);
        if (!status.isSuccess()) return status;
        view = base.value;
        byte[] handle = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(section.value).array();
        return control(IOCTL_TELEMETRY_OPEN_SECTION, handle, Long.BYTES);
    }

    /** Writes a counter through the attacker's own view of the section it planted. */
    public void forge(int counter, long value) {
        user.writeLong(view + counter, value);
    }
}
