package ntsection.io;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The drivers the system can load, by service name: the model's counterpart of the
 * Services key, each name bound to the Java class of the driver's code. Case is
 * ignored, as registry key names ignore it.
 */
public final class DriverRegistry {
    private final Map<String, Supplier<? extends Driver>> drivers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    public synchronized void register(String serviceName, Supplier<? extends Driver> driver) {
        if (drivers.putIfAbsent(serviceName, driver) != null) {
            throw new IllegalArgumentException("driver " + serviceName + " is registered twice");
        }
    }

    synchronized Supplier<? extends Driver> find(String serviceName) {
        return drivers.get(serviceName);
    }

    public synchronized Set<String> names() {
        return Set.copyOf(drivers.keySet());
    }
}
