package ntsection.drivers.telemetry;

import ntsection.Executive;
import ntsection.io.DeviceObject;
import ntsection.io.Driver;
import ntsection.io.DriverObject;
import ntsection.io.IoManager;
import ntsection.io.IoStackLocation;
import ntsection.io.Irp;
import ntsection.ke.ProcessorMode;
import ntsection.mm.MemoryAccess;
import ntsection.mm.Section;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ob.KernelObject;
import ntsection.ob.ObjectAttributes;
import ntsection.ob.ObjectManager;

import java.lang.foreign.ValueLayout;

import static ntsection.drivers.Irps.FILE_OPENED;
import static ntsection.drivers.Irps.complete;
import static ntsection.drivers.telemetry.SharedSectionIoctl.*;
import static ntsection.io.DeviceFlags.DO_BUFFERED_IO;
import static ntsection.io.DeviceFlags.FILE_DEVICE_UNKNOWN;
import static ntsection.io.IrpMajor.*;
import static ntsection.ke.ProcessorMode.KernelMode;
import static ntsection.mm.PageProtection.*;
import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Attributes.OBJ_KERNEL_HANDLE;

/**
 * Protocol 3, a section the client maps itself: a telemetry buffer. The driver creates
 * the section (it never takes one from user mode), takes a pointer reference with
 * ObReferenceObjectByHandle and keeps it in the device extension, then gives each
 * caller its own read-only handle, so a client may map and unmap views as it likes
 * and close its handle without the section going away under the driver. The driver
 * writes its counters through a system-space view and drops its reference at unload.
 */
public class SharedSectionDriver implements Driver {
    public static final String SERVICE_NAME = "shared-section";
    public static final String DEVICE_NAME = "\\Device\\Telemetry";

    protected Executive system;
    private IoManager io;

    @Override
    public NtStatus driverEntry(Executive system, DriverObject driverObject, String registryPath) {
        this.system = system;
        this.io = system.io();
        TelemetryExtension extension = new TelemetryExtension();
        Out<DeviceObject> device = new Out<>();
        NtStatus status = io.ioCreateDevice(driverObject, extension, DEVICE_NAME, FILE_DEVICE_UNKNOWN, 0, false, device);
        if (!status.isSuccess()) return status;
        device.value.Flags |= DO_BUFFERED_IO;
        status = installSection(extension);
        if (!status.isSuccess()) {
            io.ioDeleteDevice(device.value);
            return status;
        }
        driverObject.MajorFunction[IRP_MJ_CREATE] = this::createClose;
        driverObject.MajorFunction[IRP_MJ_CLOSE] = this::createClose;
        driverObject.MajorFunction[IRP_MJ_DEVICE_CONTROL] = this::deviceControl;
        driverObject.DriverUnload = this::unload;
        return STATUS_SUCCESS;
    }

    /** At load, the driver's own section; the kernel handle it was created with is only the way to a pointer. */
    protected NtStatus installSection(TelemetryExtension extension) {
        LongOut handle = new LongOut();
        NtStatus status = system.zw().zwCreateSection(handle, SECTION_MAP_READ | SECTION_MAP_WRITE | SECTION_QUERY,
                ObjectAttributes.unnamed(OBJ_KERNEL_HANDLE), SECTION_SIZE, PAGE_READWRITE, SEC_COMMIT, 0);
        if (!status.isSuccess()) return status;
        status = keepSection(extension, handle.value, KernelMode);
        system.zw().zwClose(handle.value);
        return status;
    }

    /** The section made at load serves every request. */
    protected NtStatus sectionForRequest(TelemetryExtension extension, Irp irp) {
        return STATUS_SUCCESS;
    }

    /** References the section behind {@code handle} (checked as {@code mode} would be) and maps it into system space. */
    protected final NtStatus keepSection(TelemetryExtension extension, long handle, ProcessorMode mode) {
        Out<KernelObject> section = new Out<>();
        NtStatus status = system.ob().obReferenceObjectByHandle(handle, SECTION_MAP_READ | SECTION_MAP_WRITE,
                system.ob().types().section(), mode, section, null);
        if (!status.isSuccess()) return status;
        // The object type was checked by the reference: the cast cannot fail.
        Section referenced = (Section) section.value;
        LongOut base = new LongOut();
        status = system.mm().mmMapViewInSystemSpace(referenced, base, new LongOut());
        if (!status.isSuccess()) {
            system.ob().obDereferenceObject(referenced);
            return status;
        }
        extension.section = referenced;
        extension.systemView = base.value;
        return STATUS_SUCCESS;
    }

    private NtStatus createClose(DeviceObject device, Irp irp) {
        return complete(io, irp, STATUS_SUCCESS, IoManager.ioGetCurrentIrpStackLocation(irp).MajorFunction == IRP_MJ_CREATE
                ? FILE_OPENED : 0);
    }

    private NtStatus deviceControl(DeviceObject device, Irp irp) {
        IoStackLocation.DeviceIoControl parameters = IoManager.ioGetCurrentIrpStackLocation(irp).Parameters.DeviceIoControl;
        TelemetryExtension extension = device.extension(TelemetryExtension.class);
        NtStatus ready = sectionForRequest(extension, irp);
        if (!ready.isSuccess()) return complete(io, irp, ready, 0);
        return switch (parameters.IoControlCode) {
            case IOCTL_TELEMETRY_OPEN_SECTION -> {
                if (parameters.OutputBufferLength < Long.BYTES) yield complete(io, irp, STATUS_BUFFER_TOO_SMALL, 0);
                LongOut handle = new LongOut();
                NtStatus status = openForCaller(irp, extension, handle);
                if (!status.isSuccess()) yield complete(io, irp, status, 0);
                irp.AssociatedIrp.SystemBuffer.set(ValueLayout.JAVA_LONG_UNALIGNED, 0, handle.value);
                count(extension, HANDLES_GIVEN);
                yield complete(io, irp, STATUS_SUCCESS, Long.BYTES);
            }
            case IOCTL_TELEMETRY_RECORD_EVENT -> {
                count(extension, EVENTS_RECORDED);
                yield complete(io, irp, STATUS_SUCCESS, 0);
            }
            default -> complete(io, irp, STATUS_INVALID_DEVICE_REQUEST, 0);
        };
    }

    /**
     * A read-only handle to the driver's section in the caller's table. Kernel access mode:
     * the driver decides who gets the handle, and it lands in the caller's table because
     * this dispatch routine runs in the caller's thread.
     */
    protected NtStatus openForCaller(Irp irp, TelemetryExtension extension, LongOut handle) {
        ObjectManager ob = system.ob();
        return ob.obOpenObjectByPointer(extension.section, 0, SECTION_MAP_READ | SECTION_QUERY, ob.types().section(),
                KernelMode, handle);
    }

    /** System space: no user process can unmap or reprotect it, so no try/except is needed here. */
    private void count(TelemetryExtension extension, int counter) {
        MemoryAccess memory = system.mm().access();
        memory.writeLong(extension.systemView + counter, memory.readLong(extension.systemView + counter) + 1);
    }

    private void unload(DriverObject driverObject) {
        for (DeviceObject device : driverObject.devices()) {
            TelemetryExtension extension = device.extension(TelemetryExtension.class);
            // A driver whose section comes with a request may have none yet.
            if (extension.section != null) {
                system.mm().mmUnmapViewInSystemSpace(extension.systemView);
                releaseSection(extension);
            }
            io.ioDeleteDevice(device);
        }
    }

    /** The driver's pointer reference, taken at load, goes at unload: the section dies with its last user. */
    protected void releaseSection(TelemetryExtension extension) {
        system.ob().obDereferenceObject(extension.section);
    }
}
