package ntsection.drivers.twins;

import ntsection.io.DriverPackage;
import ntsection.io.DriverRegistry;

/** The vulnerable twins of rules SV6 to SV10 by service name, for an executive's driver registry. */
public final class TwinsSv6ToSv10 implements DriverPackage {
    @Override
    public void register(DriverRegistry registry) {
        registry.register(Sv6ValidateTwin.SERVICE_NAME, Sv6ValidateTwin::new);
        registry.register(Sv7NoUserHandleTwin.SERVICE_NAME, Sv7NoUserHandleTwin::new);
        registry.register(Sv8ReferenceBeforeShareTwin.SERVICE_NAME, Sv8ReferenceBeforeShareTwin::new);
        registry.register(Sv9DereferenceTwin.SERVICE_NAME, Sv9DereferenceTwin::new);
        registry.register(Sv10PhysicalMemoryTwin.SERVICE_NAME, Sv10PhysicalMemoryTwin::new);
    }
}
