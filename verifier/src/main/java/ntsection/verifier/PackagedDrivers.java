package ntsection.verifier;

import ntsection.io.DriverPackage;
import ntsection.io.DriverRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

import static ntsection.verifier.DriverSourceException.describe;

/**
 * The driver packages a user's class path ships (a META-INF/services entry for
 * ntsection.io.DriverPackage in their jar), so that {@code --driver NAME} finds their
 * drivers as it finds ntsection's. Packages on ntsection's own class path are left out:
 * a booted registry has their drivers already.
 */
final class PackagedDrivers {
    /** One package and the service names it registers. */
    record Packaged(DriverPackage driverPackage, Set<String> names) {
    }

    private final List<Packaged> packages;

    private PackagedDrivers(List<Packaged> packages) {
        this.packages = packages;
    }

    static PackagedDrivers find(ClassLoader loader) throws DriverSourceException {
        List<Packaged> packages = new ArrayList<>();
        try {
            for (ServiceLoader.Provider<DriverPackage> provider : ServiceLoader.load(DriverPackage.class, loader).stream()
                    .toList()) {
                if (provider.type().getClassLoader() != loader) continue;
                DriverPackage driverPackage = provider.get();
                packages.add(new Packaged(driverPackage, names(driverPackage)));
            }
        } catch (ServiceConfigurationError e) {
            String cause = e.getCause() == null ? "" : " (" + describe(e.getCause()) + ")";
            throw new DriverSourceException("a driver package on the class path could not be loaded: " + e.getMessage()
                    + cause);
        }
        return new PackagedDrivers(List.copyOf(packages));
    }

    /** The package that registers {@code serviceName} (ignoring case, as the registry does), or null. */
    Packaged providing(String serviceName) {
        for (Packaged packaged : packages) {
            if (DriverSource.spelling(packaged.names(), serviceName) != null) return packaged;
        }
        return null;
    }

    /** Every service name the packages register. */
    Set<String> names() {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Packaged packaged : packages) names.addAll(packaged.names());
        return names;
    }

    /** What the package registers, learnt by letting it register into a registry of its own. */
    private static Set<String> names(DriverPackage driverPackage) throws DriverSourceException {
        DriverRegistry registry = new DriverRegistry();
        try {
            driverPackage.register(registry);
        } catch (RuntimeException | LinkageError e) {
            throw new DriverSourceException("driver package " + driverPackage.getClass().getName()
                    + " failed to register its drivers: " + describe(e));
        }
        return registry.names();
    }
}
