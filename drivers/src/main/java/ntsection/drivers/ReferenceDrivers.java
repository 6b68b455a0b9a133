package ntsection.drivers;

import ntsection.drivers.broker.PhysicalMemoryBroker;
import ntsection.drivers.keystore.KernelOnlyDriver;
import ntsection.drivers.ring.SharedViewDriver;
import ntsection.drivers.telemetry.SharedSectionDriver;
import ntsection.io.DriverPackage;
import ntsection.io.DriverRegistry;

/**
 * The reference drivers by service name. Found through ServiceLoader
 * (META-INF/services), so every booted executive's registry has them when this module
 * is on the class path, and loadDriver, `driver NAME` and `ntsection drivers` find them.
 */
public final class ReferenceDrivers implements DriverPackage {
    @Override
    public void register(DriverRegistry registry) {
        registry.register(KernelOnlyDriver.SERVICE_NAME, KernelOnlyDriver::new);
        registry.register(SharedViewDriver.SERVICE_NAME, SharedViewDriver::new);
        registry.register(SharedSectionDriver.SERVICE_NAME, SharedSectionDriver::new);
        registry.register(PhysicalMemoryBroker.SERVICE_NAME, PhysicalMemoryBroker::new);
    }
}
