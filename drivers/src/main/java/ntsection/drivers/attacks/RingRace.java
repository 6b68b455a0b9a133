package ntsection.drivers.attacks;

import ntsection.drivers.ring.RingClient;
import ntsection.user.UserProgram;

import java.util.List;

/** The honest half of a race on the request ring, which the attacker's other thread races against. */
final class RingRace {
    private RingRace() {
    }

    /**
     * Connects, fills one slot with {@code payload}, publishes the client in
     * {@code published[0]} and sets {@code ready}, then submits {@code submits} times.
     * The event is set in any case, so a client whose view faults under it never leaves
     * the other thread waiting.
     */
    static UserProgram client(long ready, byte[] payload, int submits, RingClient[] published) {
        return user -> {
            try {
                RingClient client = new RingClient(user);
                if (!client.open().isSuccess() || !client.connect().isSuccess()) return;
                client.fill(List.of(payload));
                published[0] = client;
                user.nt().ntSetEvent(ready, null);
                for (int i = 0; i < submits; i++) client.submit();
            } finally {
                user.nt().ntSetEvent(ready, null);
            }
        };
    }
}
