package ntsection.io;

import ntsection.io.samples.EchoDriver;
import ntsection.io.samples.EchoFilterDriver;

import java.util.List;
import java.util.ServiceLoader;

/**
 * The drivers a booted system can load, by the service names `ntsection drivers` lists
 * and scripts load: the kernel's samples, then every {@link DriverPackage} on the class
 * path. The packages are looked up once per JVM: an executive is booted per explored
 * schedule, and reading the service files each time would cost more than the boot.
 */
final class SampleDrivers {
    private static final List<DriverPackage> PACKAGES =
            ServiceLoader.load(DriverPackage.class).stream().map(ServiceLoader.Provider::get).toList();

    private SampleDrivers() {
    }

    static void register(DriverRegistry registry) {
        registry.register(EchoDriver.SERVICE_NAME, EchoDriver::new);
        registry.register(EchoFilterDriver.SERVICE_NAME, EchoFilterDriver::new);
        for (DriverPackage driverPackage : PACKAGES) driverPackage.register(registry);
    }
}
