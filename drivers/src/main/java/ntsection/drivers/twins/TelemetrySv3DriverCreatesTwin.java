package ntsection.drivers.twins;

import ntsection.drivers.telemetry.SharedSectionDriver;
import ntsection.drivers.telemetry.TelemetryExtension;
import ntsection.io.IoManager;
import ntsection.io.Irp;
import ntsection.nt.NtStatus;

import java.lang.foreign.ValueLayout;

import static ntsection.nt.NtStatus.STATUS_INVALID_PARAMETER;
import static ntsection.nt.NtStatus.STATUS_SUCCESS;

/**
 * The telemetry driver broken for SV3 (driver-creates): it makes no section of its own;
 * the first caller creates one and passes its handle in the input buffer, and from then
 * on the driver counts into that section and hands it to every other client. The handle
 * is checked in the requestor's mode, so only the section's origin is wrong.
 */
public final class TelemetrySv3DriverCreatesTwin extends SharedSectionDriver {
    public static final String SERVICE_NAME = "sv3-driver-creates";

    /** Nothing at load: the first request brings the section. */
    @Override
    protected NtStatus installSection(TelemetryExtension extension) {
        return STATUS_SUCCESS;
    }

    @Override
    protected NtStatus sectionForRequest(TelemetryExtension extension, Irp irp) {
        if (extension.section != null) return STATUS_SUCCESS;
        // SV3 broken: the telemetry section is one user mode created, passed as a handle in the input buffer.
        if (IoManager.ioGetCurrentIrpStackLocation(irp).Parameters.DeviceIoControl.InputBufferLength < Long.BYTES) {
            return STATUS_INVALID_PARAMETER;
        }
        long handle = irp.AssociatedIrp.SystemBuffer.get(ValueLayout.JAVA_LONG_UNALIGNED, 0);
        return keepSection(extension, handle, irp.RequestorMode);
    }
}
