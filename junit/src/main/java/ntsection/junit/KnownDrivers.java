package ntsection.junit;

import ntsection.Executive;
import ntsection.ExecutiveConfig;
import ntsection.io.Driver;
import ntsection.io.DriverPackage;
import ntsection.io.DriverRegistry;

import java.util.Collection;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * The drivers a freshly booted system loads by service name: the kernel's samples and
 * those of every DriverPackage on the class path, which the registry finds itself.
 */
final class KnownDrivers {
    private final Set<String> names;

    private KnownDrivers(Set<String> names) {
        this.names = names;
    }

    static KnownDrivers booted() {
        Executive system = Executive.boot(ExecutiveConfig.defaults().withPhysicalPages(256));
        try {
            return new KnownDrivers(new TreeSet<>(system.io().driverNames()));
        } finally {
            system.mm().physicalMemory().close();
        }
    }

    /** Every name, sorted. */
    Set<String> names() {
        return names;
    }

    /**
     * The registry's spelling of {@code name}, or null if it is not known. The registry
     * ignores case but the verifier's catalogue of shipped interfaces does not.
     */
    String spelling(String name) {
        return spelling(names, name);
    }

    /**
     * Where the code that registers {@code name} comes from: the package that registers it,
     * else the kernel, whose sample drivers are registered by the registry itself.
     */
    List<String> registeredFrom(String name) {
        for (DriverPackage driverPackage : ServiceLoader.load(DriverPackage.class)) {
            DriverRegistry registry = new DriverRegistry();
            driverPackage.register(registry);
            if (spelling(registry.names(), name) != null) return Origin.of(driverPackage.getClass());
        }
        return Origin.of(Driver.class);
    }

    private static String spelling(Collection<String> names, String name) {
        return names.stream().filter(name::equalsIgnoreCase).findFirst().orElse(null);
    }
}
