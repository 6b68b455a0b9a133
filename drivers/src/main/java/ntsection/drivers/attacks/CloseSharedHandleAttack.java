package ntsection.drivers.attacks;

import ntsection.drivers.Family;
import ntsection.drivers.demo.Attack;
import ntsection.drivers.demo.Stage;
import ntsection.drivers.demo.Target;

/**
 * Takes every handle the driver hands out, closes it at once, and goes on using the
 * driver. If the closed handle held the last reference, the driver now works on a
 * deleted object (SV8).
 */
public final class CloseSharedHandleAttack implements Attack {
    private static final int ROUNDS = 2;

    @Override
    public String name() {
        return "close-shared";
    }

    @Override
    public String summary() {
        return "close every handle the driver hands out at once, then keep making requests";
    }

    @Override
    public boolean aims(Target target) {
        // Any driver ntsection does not know may hand out handles too.
        Family family = target.family();
        return family == null || family == Family.TELEMETRY || family == Family.BROKER;
    }

    @Override
    public void stage(Stage stage) {
        Target target = stage.target();
        stage.attack(user -> {
            RawDevice device = new RawDevice(user);
            if (!device.open(target.device()).isSuccess()) return;
            for (int round = 0; round < ROUNDS; round++) {
                for (int code : target.controlCodes()) {
                    if (!device.sendLong(code, 0).isSuccess()) continue;
                    long handle = device.replied();
                    if (handle != 0) user.nt().ntClose(handle);
                }
            }
            device.close();
        });
    }
}
