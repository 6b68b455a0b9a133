package ntsection.drivers.twins;

import ntsection.drivers.telemetry.SharedSectionDriver;
import ntsection.drivers.telemetry.TelemetryExtension;

/** The telemetry driver with SV9 broken: the pointer reference it took at load outlives the driver. */
public final class Sv9DereferenceTwin extends SharedSectionDriver {
    public static final String SERVICE_NAME = "sv9-dereference";

    @Override
    protected void releaseSection(TelemetryExtension extension) {
        // SV9 dereference broken: no ObDereferenceObject at unload, so the section and its frames leak.
    }
}
