package ntsection.testing;

import ntsection.Executive;
import ntsection.ExecutiveConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * Boots executives for tests and remembers them, so that the invariant check runs on
 * each after the test's last step.
 */
public final class Systems {
    private static final ThreadLocal<List<Executive>> BOOTED = ThreadLocal.withInitial(ArrayList::new);

    private Systems() {
    }

    public static Executive boot() {
        return boot(ExecutiveConfig.defaults());
    }

    public static Executive boot(ExecutiveConfig config) {
        Executive executive = Executive.boot(config);
        BOOTED.get().add(executive);
        return executive;
    }

    static List<Executive> drain() {
        List<Executive> booted = List.copyOf(BOOTED.get());
        BOOTED.get().clear();
        return booted;
    }
}
