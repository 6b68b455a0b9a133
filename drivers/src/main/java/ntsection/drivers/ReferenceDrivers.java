package ntsection.drivers;

import ntsection.drivers.broker.PhysicalMemoryBroker;
import ntsection.drivers.keystore.KernelOnlyDriver;
import ntsection.drivers.ring.SharedViewDriver;
import ntsection.drivers.telemetry.SharedSectionDriver;
import ntsection.io.DriverRegistry;

/**
 * The reference drivers by service name, added to an executive's driver registry the
 * way the kernel adds its samples, so that loadDriver finds them.
 */
public final class ReferenceDrivers {
    private ReferenceDrivers() {
    }

    public static void register(DriverRegistry registry) {
        registry.register(KernelOnlyDriver.SERVICE_NAME, KernelOnlyDriver::new);
        registry.register(SharedViewDriver.SERVICE_NAME, SharedViewDriver::new);
        registry.register(SharedSectionDriver.SERVICE_NAME, SharedSectionDriver::new);
        registry.register(PhysicalMemoryBroker.SERVICE_NAME, PhysicalMemoryBroker::new);
    }
}
