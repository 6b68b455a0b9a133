package ntsection.drivers.attacks;

import ntsection.drivers.broker.PhysicalPageReader;
import ntsection.user.UserContext;

import java.util.Arrays;

/**
 * An untrusted process asks the broker for physical memory and, if it gets a handle,
 * maps frame after frame looking for bytes it should never see.
 */
public final class Sv10PhysicalMemoryAttack {
    private Sv10PhysicalMemoryAttack() {
    }

    /** The frame that starts with {@code secret}, or -1 when the broker refused or no frame holds it. */
    public static long findSecret(UserContext user, byte[] secret) {
        PhysicalPageReader reader = new PhysicalPageReader(user);
        if (!reader.open().isSuccess()) return -1;
        try {
            if (!reader.requestHandle().isSuccess()) return -1;
            // A view past the last frame fails: that is where the scan ends.
            for (long frame = 0; ; frame++) {
                byte[] start = reader.readFrame(frame, secret.length);
                if (start == null) return -1;
                if (Arrays.equals(start, secret)) return frame;
            }
        } finally {
            reader.close();
        }
    }
}
