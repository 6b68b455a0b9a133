package ntsection.io;

import ntsection.io.samples.EchoDriver;
import ntsection.io.samples.EchoFilterDriver;

/** The drivers this build ships, by the service names `ntsection drivers` lists and scripts load. */
final class SampleDrivers {
    private SampleDrivers() {
    }

    static void register(DriverRegistry registry) {
        registry.register(EchoDriver.SERVICE_NAME, EchoDriver::new);
        registry.register(EchoFilterDriver.SERVICE_NAME, EchoFilterDriver::new);
    }
}
