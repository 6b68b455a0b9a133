package ntsection.verifier.explore;

import ntsection.io.DriverRegistry;
import ntsection.verifier.DriverSource;

import java.util.List;
import java.util.function.Consumer;

/**
 * The driver under verification: how {@code --driver} named it (a service name or a
 * class name, which resolves again on replay), the service name it loads under, how to
 * make it loadable in a freshly booted system (a class from a user's class path is
 * registered per boot; a shipped driver needs nothing), and the class path it came
 * from, which a finding file keeps so that a replay finds the same code.
 */
public record Subject(String driver, String serviceName, Consumer<DriverRegistry> registration, List<String> classpath) {

    public Subject {
        classpath = List.copyOf(classpath);
    }

    /** A driver every booted registry already knows. */
    public static Subject shipped(String serviceName) {
        return new Subject(serviceName, serviceName, registry -> {
        }, List.of());
    }

    /** The driver {@code --driver} and {@code --classpath} named. */
    public static Subject of(String driver, DriverSource source) {
        return new Subject(driver, source.serviceName(), source::register, source.classpath());
    }

    public void register(DriverRegistry registry) {
        registration.accept(registry);
    }
}
