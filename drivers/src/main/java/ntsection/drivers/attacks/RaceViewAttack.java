package ntsection.drivers.attacks;

import ntsection.drivers.Family;
import ntsection.drivers.demo.Attack;
import ntsection.drivers.demo.Stage;
import ntsection.drivers.demo.Target;
import ntsection.drivers.ring.RingClient;

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
    public boolean aims(Target target) {
        return target.family() == Family.RING;
    }

    @Override
    public void stage(Stage stage) {
        long ready = stage.event();
        RingClient[] client = new RingClient[1];
        stage.attack(RingRace.client(ready, PAYLOAD, SUBMITS, client));
        stage.attack(user -> {
            user.waitFor(ready);
            if (client[0] == null) return;
            long length = client[0].slot(0) + SLOT_LENGTH;
            for (int i = 0; i < FLIPS; i++) {
                user.writeInt(length, DATA_SIZE);
                user.writeInt(length, PAYLOAD.length);
            }
        });
    }
}
