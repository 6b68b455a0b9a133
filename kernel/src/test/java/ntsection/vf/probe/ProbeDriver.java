package ntsection.vf.probe;

import ntsection.Executive;
import ntsection.io.CtlCode;
import ntsection.io.DeviceObject;
import ntsection.io.DispatchRoutine;
import ntsection.io.Driver;
import ntsection.io.DriverObject;
import ntsection.io.IoManager;
import ntsection.io.IoStackLocation;
import ntsection.io.Irp;
import ntsection.ke.Seh;
import ntsection.mm.MemoryAccess;
import ntsection.nt.NtStatus;
import ntsection.mm.SectionInformationClass;
import ntsection.nt.LongOut;
import ntsection.nt.Out;
import ntsection.ob.KernelObject;
import ntsection.ob.ObjectAttributes;

import java.lang.foreign.ValueLayout;

import static ntsection.io.DeviceFlags.FILE_DEVICE_UNKNOWN;
import static ntsection.io.IrpMajor.*;
import static ntsection.ke.ProcessorMode.KernelMode;
import static ntsection.mm.PageProtection.*;
import static ntsection.nt.NtStatus.*;

/**
 * A driver for the rule checks' own tests: each METHOD_NEITHER control code touches the
 * caller's raw input pointer in one way. It lives outside the executive's packages, so
 * the checks see its frames as driver code.
 */
public final class ProbeDriver implements Driver {
    public static final String SERVICE_NAME = "rule-probe";
    public static final String DEVICE_NAME = "\\Device\\RuleProbe";
    /** Reads the input's first int twice, outside try/except. */
    public static final int READ_TWICE = CtlCode.CTL_CODE(FILE_DEVICE_UNKNOWN, 0x800, CtlCode.METHOD_NEITHER, 0);
    /** Reads the input's first int once, inside try/except. */
    public static final int READ_GUARDED = CtlCode.CTL_CODE(FILE_DEVICE_UNKNOWN, 0x801, CtlCode.METHOD_NEITHER, 0);
    /** Reads the input's first eight ints, one after the other, outside try/except, all at one line. */
    public static final int SCAN = CtlCode.CTL_CODE(FILE_DEVICE_UNKNOWN, 0x802, CtlCode.METHOD_NEITHER, 0);
    /** METHOD_BUFFERED: copies its input to its output; only the I/O manager touches user memory. */
    public static final int ECHO = CtlCode.CTL_CODE(FILE_DEVICE_UNKNOWN, 0x803, CtlCode.METHOD_BUFFERED, 0);

    /** METHOD_BUFFERED: references the handle value in its input with KernelMode access mode, as SV7 forbids. */
    public static final int USE_CALLERS_HANDLE = CtlCode.CTL_CODE(FILE_DEVICE_UNKNOWN, 0x804, CtlCode.METHOD_BUFFERED, 0);
    /** METHOD_BUFFERED: makes a section handle without OBJ_KERNEL_HANDLE (so in the caller's table), queries it, closes it. */
    public static final int OWN_USER_HANDLE = CtlCode.CTL_CODE(FILE_DEVICE_UNKNOWN, 0x805, CtlCode.METHOD_BUFFERED, 0);

    private Executive system;

    @Override
    public NtStatus driverEntry(Executive system, DriverObject driverObject, String registryPath) {
        this.system = system;
        NtStatus status = system.io().ioCreateDevice(driverObject, null, DEVICE_NAME, FILE_DEVICE_UNKNOWN, 0, false,
                new Out<>());
        DispatchRoutine succeed = (device, irp) -> complete(irp, STATUS_SUCCESS, 0);
        driverObject.MajorFunction[IRP_MJ_CREATE] = succeed;
        driverObject.MajorFunction[IRP_MJ_CLEANUP] = succeed;
        driverObject.MajorFunction[IRP_MJ_CLOSE] = succeed;
        driverObject.MajorFunction[IRP_MJ_DEVICE_CONTROL] = this::deviceControl;
        driverObject.DriverUnload = driver -> {
            for (DeviceObject device : driver.devices()) system.io().ioDeleteDevice(device);
        };
        return status;
    }

    private NtStatus deviceControl(DeviceObject device, Irp irp) {
        IoStackLocation.DeviceIoControl parameters = IoManager.ioGetCurrentIrpStackLocation(irp).Parameters.DeviceIoControl;
        MemoryAccess memory = system.mm().access();
        long input = parameters.Type3InputBuffer;
        int code = parameters.IoControlCode;
        if (code == READ_TWICE) {
            int first = memory.readInt(input);
            int second = memory.readInt(input);
            return complete(irp, first == second ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER, 0);
        }
        if (code == READ_GUARDED) {
            return complete(irp, Seh.guard(() -> memory.readInt(input)), 0);
        }
        if (code == SCAN) {
            int sum = 0;
            for (int i = 0; i < 8; i++) sum += memory.readInt(input + 4L * i);
            return complete(irp, sum >= 0 ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER, 0);
        }
        if (code == USE_CALLERS_HANDLE) {
            long handle = irp.AssociatedIrp.SystemBuffer.get(ValueLayout.JAVA_LONG_UNALIGNED, 0);
            Out<KernelObject> object = new Out<>();
            NtStatus status = system.ob().obReferenceObjectByHandle(handle, 0, null, KernelMode, object, null);
            if (status.isSuccess()) system.ob().obDereferenceObject(object.value);
            return complete(irp, status, 0);
        }
        if (code == OWN_USER_HANDLE) {
            LongOut section = new LongOut();
            NtStatus status = system.zw().zwCreateSection(section, SECTION_QUERY, ObjectAttributes.unnamed(0), 4096L,
                    PAGE_READWRITE, SEC_COMMIT, 0);
            if (!status.isSuccess()) return complete(irp, status, 0);
            status = system.zw().zwQuerySection(section.value, SectionInformationClass.SectionBasicInformation,
                    new Out<>(), SectionInformationClass.SECTION_BASIC_INFORMATION_SIZE, null);
            system.zw().zwClose(section.value);
            return complete(irp, status, 0);
        }
        if (code == ECHO) {
            return complete(irp, STATUS_SUCCESS, Math.min(parameters.InputBufferLength, parameters.OutputBufferLength));
        }
        return complete(irp, STATUS_INVALID_DEVICE_REQUEST, 0);
    }

    private NtStatus complete(Irp irp, NtStatus status, long information) {
        irp.IoStatus.Status = status;
        irp.IoStatus.Information = information;
        system.io().ioCompleteRequest(irp, IoManager.IO_NO_INCREMENT);
        return status;
    }
}
