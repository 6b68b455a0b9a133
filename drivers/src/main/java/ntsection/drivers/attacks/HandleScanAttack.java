package ntsection.drivers.attacks;

import ntsection.drivers.demo.Attack;
import ntsection.drivers.demo.Stage;
import ntsection.drivers.demo.Target;

/**
 * Uses the driver honestly, then walks its own handle table by value (4, 8, ...): every
 * handle that maps as a section is read and closed. A handle the driver left in the
 * caller's table for itself is found this way (SV1).
 */
public final class HandleScanAttack implements Attack {
    static final long LAST_HANDLE = 128;

    @Override
    public String name() {
        return "handle-scan";
    }

    @Override
    public String summary() {
        return "scan the process's own handle values; map, read and close every section found";
    }

    @Override
    public boolean aims(Target target) {
        return true;
    }

    @Override
    public void stage(Stage stage) {
        Target target = stage.target();
        stage.attack(user -> {
            target.session().run(user);
            for (long handle = 4; handle <= LAST_HANDLE; handle += 4) {
                if (SectionReader.read(user, handle)) user.nt().ntClose(handle);
            }
        });
    }
}
