package ntsection.io.samples;

import ntsection.Executive;
import ntsection.io.DeviceObject;
import ntsection.io.Driver;
import ntsection.io.DriverObject;
import ntsection.io.FileObject;
import ntsection.io.IoManager;
import ntsection.io.Irp;
import ntsection.ke.CurrentThread;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;

import static ntsection.io.DeviceFlags.*;
import static ntsection.io.FileAccess.FILE_READ_DATA;
import static ntsection.nt.NtStatus.STATUS_NO_SUCH_DEVICE;
import static ntsection.nt.NtStatus.STATUS_SUCCESS;

/**
 * A sample upper filter over \Device\Echo: an unnamed device attached on top of the
 * echo device's stack, which counts every IRP and passes it down unchanged
 * (IoSkipCurrentIrpStackLocation, IoCallDriver). Opens of \Device\Echo reach it
 * first, so it is the highest-level driver and its routines run in the caller's
 * thread; the echo driver below it runs in whatever context the filter calls it from.
 */
public final class EchoFilterDriver implements Driver {
    public static final String SERVICE_NAME = "echo-filter";

    private IoManager io;

    @Override
    public NtStatus driverEntry(Executive system, DriverObject driverObject, String registryPath) {
        this.io = system.io();
        // The table first: the filter sees IRPs (the close of the file object below) as soon as it is attached.
        for (int major = 0; major < driverObject.MajorFunction.length; major++) {
            driverObject.MajorFunction[major] = this::passThrough;
        }
        Out<FileObject> file = new Out<>();
        Out<DeviceObject> target = new Out<>();
        NtStatus status = io.ioGetDeviceObjectPointer(EchoDriver.DEVICE_NAME, FILE_READ_DATA, file, target);
        if (!status.isSuccess()) return status;
        Out<DeviceObject> filter = new Out<>();
        FilterExtension extension = new FilterExtension();
        status = io.ioCreateDevice(driverObject, extension, null, FILE_DEVICE_UNKNOWN, 0, false, filter);
        if (status.isSuccess()) {
            extension.lowerDevice = io.ioAttachDeviceToDeviceStack(filter.value, target.value);
            if (extension.lowerDevice == null) {
                io.ioDeleteDevice(filter.value);
                status = STATUS_NO_SUCH_DEVICE;
            }
        }
        // The stack now holds the target; the file object was only the way to find it.
        system.ob().obDereferenceObject(file.value);
        if (!status.isSuccess()) return status;
        filter.value.Flags |= extension.lowerDevice.Flags & (DO_BUFFERED_IO | DO_DIRECT_IO);
        driverObject.DriverUnload = this::unload;
        return STATUS_SUCCESS;
    }

    private NtStatus passThrough(DeviceObject device, Irp irp) {
        FilterExtension extension = device.extension(FilterExtension.class);
        extension.passed[IoManager.ioGetCurrentIrpStackLocation(irp).MajorFunction]++;
        extension.lastThread = CurrentThread.get();
        IoManager.ioSkipCurrentIrpStackLocation(irp);
        return io.ioCallDriver(extension.lowerDevice, irp);
    }

    private void unload(DriverObject driverObject) {
        for (DeviceObject device : driverObject.devices()) {
            io.ioDetachDevice(device.extension(FilterExtension.class).lowerDevice);
            io.ioDeleteDevice(device);
        }
    }
}
