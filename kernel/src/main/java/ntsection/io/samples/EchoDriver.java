package ntsection.io.samples;

import ntsection.Executive;
import ntsection.io.DeviceObject;
import ntsection.io.DeviceSecurity;
import ntsection.io.Driver;
import ntsection.io.DriverObject;
import ntsection.io.IoManager;
import ntsection.io.IoStackLocation;
import ntsection.io.Irp;
import ntsection.ke.CurrentThread;
import ntsection.ke.ProcessorMode;
import ntsection.ke.Seh;
import ntsection.mm.MemoryAccess;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static ntsection.io.DeviceFlags.DO_BUFFERED_IO;
import static ntsection.io.DeviceFlags.FILE_DEVICE_UNKNOWN;
import static ntsection.io.IrpMajor.*;
import static ntsection.io.samples.EchoIoctl.*;
import static ntsection.nt.NtStatus.*;

/**
 * A sample function driver with two devices: \Device\Echo, which anyone may open,
 * and \Device\EchoTrusted, which only trusted processes may open from user mode. Its
 * control codes move the caller's input back to the caller by each transfer method;
 * a read (buffered I/O) returns what the last write wrote.
 */
public final class EchoDriver implements Driver {
    public static final String SERVICE_NAME = "echo";
    public static final String DEVICE_NAME = "\\Device\\Echo";
    public static final String TRUSTED_DEVICE_NAME = "\\Device\\EchoTrusted";
    private static final long FILE_OPENED = 1;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;

    private Executive system;
    private IoManager io;

    @Override
    public NtStatus driverEntry(Executive system, DriverObject driverObject, String registryPath) {
        this.system = system;
        this.io = system.io();
        Out<DeviceObject> device = new Out<>();
        NtStatus status = io.ioCreateDevice(driverObject, new EchoExtension(), DEVICE_NAME, FILE_DEVICE_UNKNOWN, 0, false,
                device);
        if (!status.isSuccess()) return status;
        device.value.Flags |= DO_BUFFERED_IO;
        Out<DeviceObject> trusted = new Out<>();
        status = io.ioCreateDeviceSecure(driverObject, new EchoExtension(), TRUSTED_DEVICE_NAME, FILE_DEVICE_UNKNOWN, 0,
                false, DeviceSecurity.TRUSTED_ONLY, trusted);
        if (!status.isSuccess()) {
            io.ioDeleteDevice(device.value);
            return status;
        }
        trusted.value.Flags |= DO_BUFFERED_IO;
        driverObject.MajorFunction[IRP_MJ_CREATE] = this::create;
        driverObject.MajorFunction[IRP_MJ_CLEANUP] = this::cleanup;
        driverObject.MajorFunction[IRP_MJ_CLOSE] = this::close;
        driverObject.MajorFunction[IRP_MJ_READ] = this::read;
        driverObject.MajorFunction[IRP_MJ_WRITE] = this::write;
        driverObject.MajorFunction[IRP_MJ_DEVICE_CONTROL] = this::deviceControl;
        driverObject.DriverUnload = this::unload;
        return STATUS_SUCCESS;
    }

    private void unload(DriverObject driverObject) {
        for (DeviceObject device : driverObject.devices()) io.ioDeleteDevice(device);
    }

    private NtStatus create(DeviceObject device, Irp irp) {
        device.extension(EchoExtension.class).creates++;
        return complete(irp, STATUS_SUCCESS, FILE_OPENED);
    }

    private NtStatus cleanup(DeviceObject device, Irp irp) {
        device.extension(EchoExtension.class).cleanups++;
        return complete(irp, STATUS_SUCCESS, 0);
    }

    private NtStatus close(DeviceObject device, Irp irp) {
        device.extension(EchoExtension.class).closes++;
        return complete(irp, STATUS_SUCCESS, 0);
    }

    private NtStatus write(DeviceObject device, Irp irp) {
        int length = IoManager.ioGetCurrentIrpStackLocation(irp).Parameters.Write.Length;
        MemorySegment buffer = irp.AssociatedIrp.SystemBuffer;
        device.extension(EchoExtension.class).written = buffer == null ? new byte[0]
                : buffer.asSlice(0, length).toArray(ValueLayout.JAVA_BYTE);
        return complete(irp, STATUS_SUCCESS, length);
    }

    private NtStatus read(DeviceObject device, Irp irp) {
        byte[] written = device.extension(EchoExtension.class).written;
        int count = Math.min(written.length, IoManager.ioGetCurrentIrpStackLocation(irp).Parameters.Read.Length);
        if (count > 0) MemorySegment.copy(MemorySegment.ofArray(written), 0, irp.AssociatedIrp.SystemBuffer, 0, count);
        return complete(irp, STATUS_SUCCESS, count);
    }

    private NtStatus deviceControl(DeviceObject device, Irp irp) {
        IoStackLocation stack = IoManager.ioGetCurrentIrpStackLocation(irp);
        IoStackLocation.DeviceIoControl parameters = stack.Parameters.DeviceIoControl;
        EchoExtension extension = device.extension(EchoExtension.class);
        extension.lastThread = CurrentThread.get();
        extension.lastRequestorMode = irp.RequestorMode;
        int in = parameters.InputBufferLength;
        int out = parameters.OutputBufferLength;
        MemoryAccess memory = system.mm().access();
        return switch (parameters.IoControlCode) {
            // The system buffer already holds the input where the output is copied from.
            case IOCTL_ECHO_BUFFERED, IOCTL_ECHO_WRITE_ACCESS -> complete(irp, STATUS_SUCCESS, Math.min(in, out));
            case IOCTL_ECHO_WHO -> {
                if (out < 8) yield complete(irp, STATUS_BUFFER_TOO_SMALL, 0);
                MemorySegment buffer = irp.AssociatedIrp.SystemBuffer;
                buffer.set(INT, 0, CurrentThread.get().currentProcess().id());
                buffer.set(INT, 4, irp.RequestorMode == ProcessorMode.UserMode ? 1 : 0);
                yield complete(irp, STATUS_SUCCESS, 8);
            }
            case IOCTL_ECHO_IN_DIRECT -> {
                if (irp.MdlAddress == null) yield complete(irp, STATUS_INVALID_PARAMETER, 0);
                long data = io.mmGetSystemAddressForMdlSafe(irp.MdlAddress, 0);
                if (data == 0) yield complete(irp, STATUS_INSUFFICIENT_RESOURCES, 0);
                extension.received = memory.read(data, irp.MdlAddress.ByteCount);
                yield complete(irp, STATUS_SUCCESS, irp.MdlAddress.ByteCount);
            }
            case IOCTL_ECHO_OUT_DIRECT -> {
                if (irp.MdlAddress == null) yield complete(irp, STATUS_SUCCESS, 0);
                long target = io.mmGetSystemAddressForMdlSafe(irp.MdlAddress, 0);
                if (target == 0) yield complete(irp, STATUS_INSUFFICIENT_RESOURCES, 0);
                int count = Math.min(in, out);
                if (count > 0) memory.write(target, irp.AssociatedIrp.SystemBuffer, 0, count);
                yield complete(irp, STATUS_SUCCESS, count);
            }
            case IOCTL_ECHO_NEITHER -> {
                int count = Math.min(in, out);
                long input = parameters.Type3InputBuffer;
                long output = irp.UserBuffer;
                NtStatus status = Seh.guard(() -> {
                    if (irp.RequestorMode != ProcessorMode.KernelMode) {
                        system.mm().probe().probeForRead(input, in, 1);
                        system.mm().probe().probeForWrite(output, out, 1);
                    }
                    if (count > 0) memory.write(output, memory.read(input, count));
                });
                yield complete(irp, status, status.isSuccess() ? count : 0);
            }
            case IOCTL_ECHO_NEITHER_UNGUARDED -> {
                int count = Math.min(in, out);
                if (count > 0) memory.write(irp.UserBuffer, memory.read(parameters.Type3InputBuffer, count));
                yield complete(irp, STATUS_SUCCESS, count);
            }
            default -> complete(irp, STATUS_INVALID_DEVICE_REQUEST, 0);
        };
    }

    private NtStatus complete(Irp irp, NtStatus status, long information) {
        irp.IoStatus.Status = status;
        irp.IoStatus.Information = information;
        io.ioCompleteRequest(irp, IoManager.IO_NO_INCREMENT);
        return status;
    }
}
