package ntsection.verifier.explore;

import ntsection.io.DriverRegistry;

import java.util.List;
import java.util.function.Consumer;

/**
 * The driver under verification: the service name it loads under, how to make it
 * loadable in a freshly booted system (a class from a user's class path is registered
 * per boot; a shipped driver needs nothing), and the class path it came from, which a
 * finding file keeps so that a replay finds the same code.
 */
public record Subject(String serviceName, Consumer<DriverRegistry> registration, List<String> classpath) {

    public Subject {
        classpath = List.copyOf(classpath);
    }

    /** A driver every booted registry already knows. */
    public static Subject shipped(String serviceName) {
        return new Subject(serviceName, registry -> {
        }, List.of());
    }

    public void register(DriverRegistry registry) {
        registration.accept(registry);
    }
}
