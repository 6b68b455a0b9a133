package ntsection.drivers;

import ntsection.drivers.keystore.KernelOnlyDriver;
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
    }
}
