package ntsection.drivers.broker;

import ntsection.Executive;
import ntsection.io.DeviceObject;
import ntsection.io.Driver;
import ntsection.io.DriverObject;
import ntsection.io.IoManager;
import ntsection.io.IoStackLocation;
import ntsection.io.Irp;
import ntsection.ke.CurrentThread;
import ntsection.mm.MemoryManager;
import ntsection.mm.Section;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ob.KernelObject;
import ntsection.ob.ObjectAttributes;
import ntsection.ps.Process;

import java.lang.foreign.ValueLayout;

import static ntsection.drivers.Irps.FILE_OPENED;
import static ntsection.drivers.Irps.complete;
import static ntsection.drivers.broker.BrokerIoctl.IOCTL_BROKER_OPEN_PHYSICAL_MEMORY;
import static ntsection.io.DeviceFlags.DO_BUFFERED_IO;
import static ntsection.io.DeviceFlags.FILE_DEVICE_UNKNOWN;
import static ntsection.io.IrpMajor.*;
import static ntsection.ke.ProcessorMode.KernelMode;
import static ntsection.mm.PageProtection.SECTION_MAP_READ;
import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Attributes.OBJ_KERNEL_HANDLE;

/**
 * The physical-memory rule: a diagnostic reader of physical pages for trusted tools.
 * Only kernel mode may open \Device\PhysicalMemory, so the broker opens it at load
 * (a kernel handle, turned into a pointer reference in its extension) and, on request,
 * gives a read-only handle to the calling process only when that process's token is
 * trusted; every other caller is refused. The reference goes at unload.
 */
public class PhysicalMemoryBroker implements Driver {
    public static final String SERVICE_NAME = "physical-memory-broker";
    public static final String DEVICE_NAME = "\\Device\\PhysicalMemoryBroker";

    private Executive system;
    private IoManager io;

    @Override
    public NtStatus driverEntry(Executive system, DriverObject driverObject, String registryPath) {
        this.system = system;
        this.io = system.io();
        BrokerExtension extension = new BrokerExtension();
        Out<DeviceObject> device = new Out<>();
        NtStatus status = io.ioCreateDevice(driverObject, extension, DEVICE_NAME, FILE_DEVICE_UNKNOWN, 0, false, device);
        if (!status.isSuccess()) return status;
        device.value.Flags |= DO_BUFFERED_IO;
        status = referencePhysicalMemory(extension);
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

    private NtStatus referencePhysicalMemory(BrokerExtension extension) {
        LongOut handle = new LongOut();
        NtStatus status = system.zw().zwOpenSection(handle, SECTION_MAP_READ,
                ObjectAttributes.named(MemoryManager.PHYSICAL_MEMORY_NAME, OBJ_KERNEL_HANDLE));
        if (!status.isSuccess()) return status;
        Out<KernelObject> section = new Out<>();
        status = system.ob().obReferenceObjectByHandle(handle.value, SECTION_MAP_READ, system.ob().types().section(),
                KernelMode, section, null);
        system.zw().zwClose(handle.value);
        // The object type was checked by the reference: the cast cannot fail.
        if (status.isSuccess()) extension.physicalMemory = (Section) section.value;
        return status;
    }

    private NtStatus createClose(DeviceObject device, Irp irp) {
        return complete(io, irp, STATUS_SUCCESS, IoManager.ioGetCurrentIrpStackLocation(irp).MajorFunction == IRP_MJ_CREATE
                ? FILE_OPENED : 0);
    }

    private NtStatus deviceControl(DeviceObject device, Irp irp) {
        IoStackLocation.DeviceIoControl parameters = IoManager.ioGetCurrentIrpStackLocation(irp).Parameters.DeviceIoControl;
        if (parameters.IoControlCode != IOCTL_BROKER_OPEN_PHYSICAL_MEMORY) {
            return complete(io, irp, STATUS_INVALID_DEVICE_REQUEST, 0);
        }
        if (parameters.OutputBufferLength < Long.BYTES) return complete(io, irp, STATUS_BUFFER_TOO_SMALL, 0);
        BrokerExtension extension = device.extension(BrokerExtension.class);
        // A highest-level driver's dispatch routine runs in the requestor's thread: this is the caller.
        Process requestor = CurrentThread.get().currentProcess();
        if (!mayReceivePhysicalMemory(requestor)) {
            extension.refused++;
            return complete(io, irp, STATUS_ACCESS_DENIED, 0);
        }
        LongOut handle = new LongOut();
        NtStatus status = system.ob().obOpenObjectByPointer(extension.physicalMemory, 0, SECTION_MAP_READ,
                system.ob().types().section(), KernelMode, handle);
        if (!status.isSuccess()) return complete(io, irp, status, 0);
        irp.AssociatedIrp.SystemBuffer.set(ValueLayout.JAVA_LONG_UNALIGNED, 0, handle.value);
        return complete(io, irp, STATUS_SUCCESS, Long.BYTES);
    }

    /** Only a trusted token may hold physical memory; the one decision a vulnerable twin changes. */
    protected boolean mayReceivePhysicalMemory(Process requestor) {
        return requestor.token().trusted();
    }

    private void unload(DriverObject driverObject) {
        for (DeviceObject device : driverObject.devices()) {
            system.ob().obDereferenceObject(device.extension(BrokerExtension.class).physicalMemory);
            io.ioDeleteDevice(device);
        }
    }
}
