package ntsection.drivers.attacks;

import ntsection.drivers.ring.RingClient;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.user.UserContext;

import java.util.List;

import static ntsection.drivers.ring.SharedViewIoctl.RING_SIZE;
import static ntsection.mm.PageProtection.PAGE_NOACCESS;
import static ntsection.ob.Handles.NtCurrentProcess;

/**
 * A malicious client of the request ring: fills a request, then takes the view away from
 * the driver, by unmapping it or by making it PAGE_NOACCESS, and submits. The driver
 * still holds the view's address and touches it in kernel mode.
 */
public final class PulledRing {
    private PulledRing() {
    }

    /** The status the submit returned after the view was unmapped. */
    public static NtStatus unmapThenSubmit(UserContext user) {
        RingClient client = filledRing(user);
        taken(client.unmap());
        return client.submit();
    }

    /** The status the submit returned after the view was made PAGE_NOACCESS. */
    public static NtStatus noAccessThenSubmit(UserContext user) {
        RingClient client = filledRing(user);
        taken(user.nt().ntProtectVirtualMemory(NtCurrentProcess, new LongOut(client.ring()), new LongOut(RING_SIZE),
                PAGE_NOACCESS, new LongOut()));
        return client.submit();
    }

    private static void taken(NtStatus status) {
        if (!status.isSuccess()) throw new IllegalStateException("the client could not take its own view away: " + status);
    }

    private static RingClient filledRing(UserContext user) {
        RingClient client = new RingClient(user);
        if (!client.open().isSuccess() || !client.connect().isSuccess()) {
            throw new IllegalStateException("the ring refused a plain client");
        }
        client.fill(List.of(new byte[]{1, 2, 3}));
        return client;
    }
}
