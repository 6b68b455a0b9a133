package ntsection.drivers.attacks;

import ntsection.drivers.telemetry.TelemetryClient;
import ntsection.user.UserContext;

/**
 * A user process takes the telemetry section's handle, closes it at once, then asks
 * the driver for the section again: if the closed handle held the last reference, the
 * driver now works on a deleted object.
 */
public final class Sv8CloseUnderDriverAttack {
    private Sv8CloseUnderDriverAttack() {
    }

    public static void run(UserContext user) {
        TelemetryClient client = new TelemetryClient(user);
        if (!client.open().isSuccess()) return;
        if (client.mapTelemetry().isSuccess()) client.unmap();
        client.closeSectionHandle();
        client.recordEvent();
        client.mapTelemetry();
    }
}
