package ntsection.drivers.attacks;

import ntsection.drivers.DeviceClient;
import ntsection.drivers.telemetry.SharedSectionDriver;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.user.UserContext;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import static ntsection.drivers.telemetry.SharedSectionIoctl.IOCTL_TELEMETRY_OPEN_SECTION;
import static ntsection.mm.PageProtection.PAGE_READONLY;
import static ntsection.mm.PageProtection.ViewUnmap;
import static ntsection.ob.Handles.KERNEL_HANDLE_FLAG;
import static ntsection.ob.Handles.NtCurrentProcess;

/**
 * A user process forges handle values in the telemetry request: it walks the kernel
 * handle table's values (the kernel bit set, multiples of four) and maps whatever
 * section the driver hands back, looking for bytes that belong to the kernel.
 */
public final class Sv7ForgedHandleAttack extends DeviceClient {
    public Sv7ForgedHandleAttack(UserContext user) {
        super(user);
    }

    /** The forged kernel handle value that led to {@code secret}, or 0 when none of the first {@code tries} did. */
    public long findSecret(byte[] secret, int tries) {
        if (!open(SharedSectionDriver.DEVICE_NAME).isSuccess()) return 0;
        try {
            for (int i = 1; i <= tries; i++) {
                long forged = KERNEL_HANDLE_FLAG | (4L * i);
                byte[] start = sectionStart(forged, secret.length);
                if (start != null && Arrays.equals(start, secret)) return forged;
            }
            return 0;
        } finally {
            close();
        }
    }

    /** The first bytes of the section the driver gives us for {@code forged}, or null. */
    private byte[] sectionStart(long forged, int length) {
        byte[] request = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(forged).array();
        if (!control(IOCTL_TELEMETRY_OPEN_SECTION, request, Long.BYTES).isSuccess()) return null;
        long section = replyLong();
        LongOut base = new LongOut();
        NtStatus status = user.nt().ntMapViewOfSection(section, NtCurrentProcess, base, 0, 0, null, new LongOut(),
                ViewUnmap, 0, PAGE_READONLY);
        byte[] start = status.isSuccess() ? user.read(base.value, length) : null;
        if (status.isSuccess()) user.nt().ntUnmapViewOfSection(NtCurrentProcess, base.value);
        user.nt().ntClose(section);
        return start;
    }
}
