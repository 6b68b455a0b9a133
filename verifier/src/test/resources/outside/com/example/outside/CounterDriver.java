package com.example.outside;

import ntsection.Executive;
import ntsection.io.DeviceObject;
import ntsection.io.Driver;
import ntsection.io.DriverObject;
import ntsection.io.IoManager;
import ntsection.io.IoStackLocation;
import ntsection.io.Irp;
import ntsection.mm.MemoryAccess;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;

import java.lang.foreign.ValueLayout;

import static ntsection.io.DeviceFlags.FILE_DEVICE_UNKNOWN;
import static ntsection.io.IrpMajor.*;
import static ntsection.nt.NtStatus.*;

/**
 * A driver written outside ntsection, as a user writes one: \Device\OutsideCounter keeps
 * a running total. IOCTL_COUNTER_ADD adds the 32-bit number the caller points at
 * (METHOD_NEITHER: the pointer is the caller's own); IOCTL_COUNTER_TOTAL returns the
 * total (METHOD_BUFFERED).
 *
 * <p>Its bug: the add reads the caller's memory with no try/except around it. A caller
 * that passes a bad pointer, or unmaps the page while the driver runs, makes the read
 * fault in kernel mode with no handler, and the system stops. Protocol rule SV5
 * (guarded-access) forbids exactly that.
 */
public final class CounterDriver implements Driver {
    public static final String SERVICE_NAME = "outside-counter";
    public static final String DEVICE_NAME = "\\Device\\OutsideCounter";
    // Written out because a switch needs constants and CTL_CODE is a method.
    public static final int IOCTL_COUNTER_ADD = 0x222003; // CTL_CODE(FILE_DEVICE_UNKNOWN, 0x800, METHOD_NEITHER, FILE_ANY_ACCESS)
    public static final int IOCTL_COUNTER_TOTAL = 0x222004; // CTL_CODE(FILE_DEVICE_UNKNOWN, 0x801, METHOD_BUFFERED, FILE_ANY_ACCESS)
    private static final long FILE_OPENED = 1;

    private IoManager io;
    private MemoryAccess memory;
    private int total;

    @Override
    public NtStatus driverEntry(Executive system, DriverObject driverObject, String registryPath) {
        io = system.io();
        memory = system.mm().access();
        NtStatus status = io.ioCreateDevice(driverObject, null, DEVICE_NAME, FILE_DEVICE_UNKNOWN, 0, false,
                new Out<>());
        if (!status.isSuccess()) return status;
        driverObject.MajorFunction[IRP_MJ_CREATE] = (device, irp) -> complete(irp, STATUS_SUCCESS, FILE_OPENED);
        driverObject.MajorFunction[IRP_MJ_CLOSE] = (device, irp) -> complete(irp, STATUS_SUCCESS, 0);
        driverObject.MajorFunction[IRP_MJ_DEVICE_CONTROL] = this::deviceControl;
        driverObject.DriverUnload = this::unload;
        return STATUS_SUCCESS;
    }

    private void unload(DriverObject driverObject) {
        for (DeviceObject device : driverObject.devices()) io.ioDeleteDevice(device);
    }

    private NtStatus deviceControl(DeviceObject device, Irp irp) {
        IoStackLocation.DeviceIoControl parameters = IoManager.ioGetCurrentIrpStackLocation(irp).Parameters.DeviceIoControl;
        switch (parameters.IoControlCode) {
            case IOCTL_COUNTER_ADD -> {
                // The bug: user memory read with no try/except (and no probe).
                total += memory.readInt(parameters.Type3InputBuffer);
                return complete(irp, STATUS_SUCCESS, 0);
            }
            case IOCTL_COUNTER_TOTAL -> {
                if (parameters.OutputBufferLength < Integer.BYTES) return complete(irp, STATUS_BUFFER_TOO_SMALL, 0);
                irp.AssociatedIrp.SystemBuffer.set(ValueLayout.JAVA_INT_UNALIGNED, 0, total);
                return complete(irp, STATUS_SUCCESS, Integer.BYTES);
            }
            default -> {
                return complete(irp, STATUS_INVALID_DEVICE_REQUEST, 0);
            }
        }
    }

    private NtStatus complete(Irp irp, NtStatus status, long information) {
        irp.IoStatus.Status = status;
        irp.IoStatus.Information = information;
        io.ioCompleteRequest(irp, IoManager.IO_NO_INCREMENT);
        return status;
    }
}
