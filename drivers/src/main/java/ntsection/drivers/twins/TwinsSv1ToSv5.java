package ntsection.drivers.twins;

import ntsection.io.DriverPackage;
import ntsection.io.DriverRegistry;

/** The vulnerable twins of rules SV1 to SV5, by service name, for a registry to load them from. */
public final class TwinsSv1ToSv5 implements DriverPackage {
    @Override
    public void register(DriverRegistry registry) {
        registry.register(KeyStoreSv1KernelHandleTwin.SERVICE_NAME, KeyStoreSv1KernelHandleTwin::new);
        registry.register(KeyStoreSv2SystemThreadMapTwin.SERVICE_NAME, KeyStoreSv2SystemThreadMapTwin::new);
        registry.register(TelemetrySv3DriverCreatesTwin.SERVICE_NAME, TelemetrySv3DriverCreatesTwin::new);
        registry.register(RingSv4RequestorContextTwin.SERVICE_NAME, RingSv4RequestorContextTwin::new);
        registry.register(RingSv5GuardedAccessTwin.SERVICE_NAME, RingSv5GuardedAccessTwin::new);
    }
}
