package ntsection.drivers.twins;

import ntsection.drivers.telemetry.SharedSectionDriver;
import ntsection.drivers.telemetry.TelemetryExtension;
import ntsection.io.IoManager;
import ntsection.io.Irp;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ob.KernelObject;
import ntsection.ob.ObjectManager;

import java.lang.foreign.ValueLayout;

import static ntsection.ke.ProcessorMode.KernelMode;
import static ntsection.mm.PageProtection.SECTION_MAP_READ;
import static ntsection.mm.PageProtection.SECTION_QUERY;

/**
 * The telemetry driver with SV7 broken: a caller may name, by handle in its input
 * buffer, the section it wants a handle to, and the driver trusts that handle.
 */
public final class Sv7NoUserHandleTwin extends SharedSectionDriver {
    public static final String SERVICE_NAME = "sv7-no-user-handle";

    @Override
    protected NtStatus openForCaller(Irp irp, TelemetryExtension extension, LongOut handle) {
        if (IoManager.ioGetCurrentIrpStackLocation(irp).Parameters.DeviceIoControl.InputBufferLength < Long.BYTES) {
            return super.openForCaller(irp, extension, handle);
        }
        // SV7 no-user-handle broken: a handle value from user mode, referenced with KernelMode access
        // mode, so kernel handles and access the caller was never granted pass the check.
        long userHandle = irp.AssociatedIrp.SystemBuffer.get(ValueLayout.JAVA_LONG_UNALIGNED, 0);
        ObjectManager ob = system.ob();
        Out<KernelObject> named = new Out<>();
        NtStatus status = ob.obReferenceObjectByHandle(userHandle, SECTION_MAP_READ, ob.types().section(), KernelMode,
                named, null);
        if (!status.isSuccess()) return status;
        status = ob.obOpenObjectByPointer(named.value, 0, SECTION_MAP_READ | SECTION_QUERY, ob.types().section(),
                KernelMode, handle);
        ob.obDereferenceObject(named.value);
        return status;
    }
}
