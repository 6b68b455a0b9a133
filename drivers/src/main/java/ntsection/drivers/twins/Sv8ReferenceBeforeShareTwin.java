package ntsection.drivers.twins;

import ntsection.drivers.telemetry.SharedSectionDriver;
import ntsection.drivers.telemetry.TelemetryExtension;
import ntsection.io.Irp;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;

/**
 * The telemetry driver with SV8 broken: once a caller holds a handle, the driver lets
 * its own pointer reference go, as if the caller's handle would keep the section alive.
 */
public final class Sv8ReferenceBeforeShareTwin extends SharedSectionDriver {
    public static final String SERVICE_NAME = "sv8-reference-before-share";

    @Override
    protected NtStatus openForCaller(Irp irp, TelemetryExtension extension, LongOut handle) {
        NtStatus status = super.openForCaller(irp, extension, handle);
        // SV8 reference-before-share broken: the handle goes to user mode while the driver holds no reference.
        if (status.isSuccess()) system.ob().obDereferenceObject(extension.section);
        return status;
    }
}
