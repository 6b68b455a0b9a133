package ntsection.drivers.attacks;

import ntsection.drivers.Family;
import ntsection.drivers.demo.Attack;
import ntsection.drivers.demo.Stage;
import ntsection.drivers.ring.RingClient;

import java.util.List;

import static ntsection.drivers.ring.SharedViewIoctl.DATA_SIZE;
import static ntsection.drivers.ring.SharedViewIoctl.SLOT_LENGTH;

/**
 * Races the driver's reads of the shared view: one thread submits a small request,
 * another flips the slot's length between the valid value and the whole data area. A
 * driver that checks one fetch and uses another copies past what it checked (SV6).
 */
public final class RaceViewAttack implements Attack {
    private static final int SUBMITS = 2;
    private static final int FLIPS = 6;
    private static final byte[] PAYLOAD = {1, 2, 3, 4};

    @Override
    public String name() {
        return "race-view";
    }

    @Override
    public String summary() {
        return "flip a request's length in the shared view between the driver's check and its use";
    }

    @Override
    public boolean aims(Family family) {
        return family == Family.RING;
    }

    @Override
    public void stage(Stage stage) {
        long[] length = new long[1];
        long ready = stage.event();
        stage.attack(user -> {
            // Set in any case: a client whose view faults under it must not leave the other thread waiting.
            try {
                RingClient client = new RingClient(user);
                if (client.open().isSuccess() && client.connect().isSuccess()) {
                    client.fill(List.of(PAYLOAD));
                    length[0] = client.slot(0) + SLOT_LENGTH;
                    user.nt().ntSetEvent(ready, null);
                    for (int i = 0; i < SUBMITS; i++) client.submit();
                }
            } finally {
                user.nt().ntSetEvent(ready, null);
            }
        });
        stage.attack(user -> {
            user.waitFor(ready);
            if (length[0] == 0) return;
            for (int i = 0; i < FLIPS; i++) {
                user.writeInt(length[0], DATA_SIZE);
                user.writeInt(length[0], PAYLOAD.length);
            }
        });
    }
}
