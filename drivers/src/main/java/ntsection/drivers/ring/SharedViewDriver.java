package ntsection.drivers.ring;

import ntsection.Executive;
import ntsection.io.DeviceObject;
import ntsection.io.Driver;
import ntsection.io.DriverObject;
import ntsection.io.FileObject;
import ntsection.io.IoManager;
import ntsection.io.IoStackLocation;
import ntsection.io.Irp;
import ntsection.ke.CurrentThread;
import ntsection.ke.ProcessorMode;
import ntsection.ke.Seh;
import ntsection.mm.MemoryAccess;
import ntsection.mm.Section;
import ntsection.ob.KernelObject;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.nt.Zw;
import ntsection.ob.ObjectAttributes;

import java.lang.foreign.ValueLayout;
import java.util.zip.CRC32;

import static ntsection.drivers.Irps.FILE_OPENED;
import static ntsection.drivers.Irps.complete;
import static ntsection.drivers.ring.SharedViewIoctl.*;
import static ntsection.io.DeviceFlags.DO_BUFFERED_IO;
import static ntsection.io.DeviceFlags.FILE_DEVICE_UNKNOWN;
import static ntsection.io.IrpMajor.*;
import static ntsection.ke.ProcessorMode.KernelMode;
import static ntsection.mm.PageProtection.*;
import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Attributes.OBJ_KERNEL_HANDLE;
import static ntsection.ob.Handles.NtCurrentProcess;
import static ntsection.ps.ProcessAccess.PROCESS_VM_OPERATION;

/**
 * Protocol 2, a view shared with the client: a request ring. The driver, never the
 * client, creates the section, under a kernel handle. It is the highest-level driver
 * of its device, so its device-control routine runs in the requestor's thread, and
 * that is where it maps the view: into the requestor and no other process. Every touch
 * of the view is inside try/except, because the client may unmap or reprotect it at
 * any moment; each value is read from the view once, validated, and only the captured
 * copy is used: a slot's data is copied into a page of system space before the CRC is
 * taken over it. Cleanup of the client's file object unmaps the view.
 */
public class SharedViewDriver implements Driver {
    public static final String SERVICE_NAME = "shared-view";
    public static final String DEVICE_NAME = "\\Device\\RequestRing";

    protected Executive system;
    private IoManager io;
    private Zw zw;

    @Override
    public NtStatus driverEntry(Executive system, DriverObject driverObject, String registryPath) {
        this.system = system;
        this.io = system.io();
        this.zw = system.zw();
        Out<DeviceObject> device = new Out<>();
        NtStatus status = io.ioCreateDevice(driverObject, null, DEVICE_NAME, FILE_DEVICE_UNKNOWN, 0, false, device);
        if (!status.isSuccess()) return status;
        device.value.Flags |= DO_BUFFERED_IO;
        driverObject.MajorFunction[IRP_MJ_CREATE] = this::create;
        driverObject.MajorFunction[IRP_MJ_CLEANUP] = this::cleanup;
        driverObject.MajorFunction[IRP_MJ_CLOSE] = this::close;
        driverObject.MajorFunction[IRP_MJ_DEVICE_CONTROL] = this::deviceControl;
        driverObject.DriverUnload = this::unload;
        return STATUS_SUCCESS;
    }

    private NtStatus create(DeviceObject device, Irp irp) {
        return complete(io, irp, STATUS_SUCCESS, FILE_OPENED);
    }

    private NtStatus close(DeviceObject device, Irp irp) {
        return complete(io, irp, STATUS_SUCCESS, 0);
    }

    private NtStatus deviceControl(DeviceObject device, Irp irp) {
        IoStackLocation stack = IoManager.ioGetCurrentIrpStackLocation(irp);
        IoStackLocation.DeviceIoControl parameters = stack.Parameters.DeviceIoControl;
        return switch (parameters.IoControlCode) {
            case IOCTL_RING_CONNECT -> {
                // Only a user-mode requestor has an address space to share the ring with.
                if (irp.RequestorMode != ProcessorMode.UserMode) yield complete(io, irp, STATUS_INVALID_DEVICE_REQUEST, 0);
                if (stack.FileObject.FsContext != null) yield complete(io, irp, STATUS_INVALID_DEVICE_REQUEST, 0);
                if (parameters.OutputBufferLength < Long.BYTES) yield complete(io, irp, STATUS_BUFFER_TOO_SMALL, 0);
                Out<RingConnection> connection = new Out<>();
                NtStatus status = connect(connection);
                if (!status.isSuccess()) yield complete(io, irp, status, 0);
                stack.FileObject.FsContext = connection.value;
                irp.AssociatedIrp.SystemBuffer.set(ValueLayout.JAVA_LONG_UNALIGNED, 0, connection.value.view);
                yield complete(io, irp, STATUS_SUCCESS, Long.BYTES);
            }
            case IOCTL_RING_SUBMIT -> {
                if (!(stack.FileObject.FsContext instanceof RingConnection connection)) {
                    yield complete(io, irp, STATUS_INVALID_DEVICE_REQUEST, 0);
                }
                yield complete(io, irp, submit(connection), 0);
            }
            default -> complete(io, irp, STATUS_INVALID_DEVICE_REQUEST, 0);
        };
    }

    /** In the requestor's thread: a kernel-handle section, its view in this process, then the handle goes. */
    private NtStatus connect(Out<RingConnection> connection) {
        LongOut section = new LongOut();
        NtStatus status = zw.zwCreateSection(section, SECTION_MAP_READ | SECTION_MAP_WRITE,
                ObjectAttributes.unnamed(OBJ_KERNEL_HANDLE), RING_SIZE, PAGE_READWRITE, SEC_COMMIT, 0);
        if (!status.isSuccess()) return status;
        LongOut base = new LongOut();
        status = mapRing(section.value, base);
        // The view keeps the section's pages; the driver has no further use for the object.
        zw.zwClose(section.value);
        if (!status.isSuccess()) return status;
        LongOut process = new LongOut();
        status = system.ob().obOpenObjectByPointer(CurrentThread.get().currentProcess(), OBJ_KERNEL_HANDLE,
                PROCESS_VM_OPERATION, system.ob().types().process(), KernelMode, process);
        if (!status.isSuccess()) {
            zw.zwUnmapViewOfSection(NtCurrentProcess, base.value);
            return status;
        }
        LongOut capture = new LongOut();
        status = mapCaptureBuffer(capture);
        if (!status.isSuccess()) {
            zw.zwUnmapViewOfSection(NtCurrentProcess, base.value);
            zw.zwClose(process.value);
            return status;
        }
        connection.value = new RingConnection(base.value, process.value, capture.value);
        return STATUS_SUCCESS;
    }

    /** One page of system space, nonpaged in effect: no user process can see, unmap or change it. */
    private NtStatus mapCaptureBuffer(LongOut capture) {
        LongOut handle = new LongOut();
        NtStatus status = zw.zwCreateSection(handle, SECTION_MAP_READ | SECTION_MAP_WRITE,
                ObjectAttributes.unnamed(OBJ_KERNEL_HANDLE), (long) MAX_SLOT_DATA, PAGE_READWRITE, SEC_COMMIT, 0);
        if (!status.isSuccess()) return status;
        Out<KernelObject> section = new Out<>();
        status = system.ob().obReferenceObjectByHandle(handle.value, SECTION_MAP_READ | SECTION_MAP_WRITE,
                system.ob().types().section(), KernelMode, section, null);
        zw.zwClose(handle.value);
        if (!status.isSuccess()) return status;
        // The system view keeps the pages; the object can go with this reference.
        status = system.mm().mmMapViewInSystemSpace((Section) section.value, capture, new LongOut());
        system.ob().obDereferenceObject(section.value);
        return status;
    }

    /** Serves the ring inside try/except: a view the client unmapped or reprotected fails the request, not the system. */
    protected NtStatus submit(RingConnection connection) {
        return Seh.guard(() -> serve(connection));
    }

    /** Here, in the requestor's thread, so the view lands in the requestor. */
    protected NtStatus mapRing(long section, LongOut base) {
        return mapInCurrentProcess(section, base);
    }

    /** A read-write view of the kernel-handle section in whichever process the calling thread belongs to. */
    protected final NtStatus mapInCurrentProcess(long section, LongOut base) {
        return zw.zwMapViewOfSection(section, NtCurrentProcess, base, 0, 0, null, new LongOut(), ViewUnmap, 0,
                PAGE_READWRITE);
    }

    /**
     * Runs inside the caller's try/except. The count, and each slot's offset and length,
     * are read once into locals and checked; the data is copied out once and the CRC is
     * computed over the copy, so whatever the client writes meanwhile cannot change
     * what was checked.
     */
    protected final void serve(RingConnection connection) {
        MemoryAccess memory = system.mm().access();
        long view = connection.view;
        int count = memory.readInt(view + COUNT);
        if (count < 0 || count > MAX_SLOTS) {
            connection.refused++;
            return;
        }
        for (int i = 0; i < count; i++) {
            long slot = view + SLOTS + (long) i * SLOT_SIZE;
            int offset = memory.readInt(slot + SLOT_OFFSET);
            int length = memory.readInt(slot + SLOT_LENGTH);
            if (offset < 0 || length < 0 || length > MAX_SLOT_DATA || offset > DATA_SIZE - length) {
                connection.refused++;
                memory.writeInt(slot + SLOT_STATUS, STATUS_INVALID_PARAMETER.code());
                continue;
            }
            int captured = capture(memory, connection, slot, offset, length);
            CRC32 crc = new CRC32();
            crc.update(memory.read(connection.capture, captured));
            memory.writeInt(slot + SLOT_CRC, (int) crc.getValue());
            memory.writeInt(slot + SLOT_STATUS, STATUS_SUCCESS.code());
            connection.served++;
        }
    }

    /**
     * Copies the bytes a slot names out of the view, once, at the checked offset and
     * length, into the capture buffer; returns how many it copied.
     */
    protected int capture(MemoryAccess memory, RingConnection connection, long slot, int offset, int length) {
        memory.write(connection.capture, memory.read(connection.view + DATA + offset, length));
        return length;
    }

    /**
     * The client's last handle is closing. It may have unmapped the view itself, or be
     * exiting with its address space already gone: then the unmap finds nothing, which
     * is all the driver wanted.
     */
    private NtStatus cleanup(DeviceObject device, Irp irp) {
        FileObject file = IoManager.ioGetCurrentIrpStackLocation(irp).FileObject;
        if (file.FsContext instanceof RingConnection connection) {
            zw.zwUnmapViewOfSection(connection.processHandle, connection.view);
            zw.zwClose(connection.processHandle);
            system.mm().mmUnmapViewInSystemSpace(connection.capture);
            file.FsContext = null;
        }
        return complete(io, irp, STATUS_SUCCESS, 0);
    }

    private void unload(DriverObject driverObject) {
        for (DeviceObject device : driverObject.devices()) io.ioDeleteDevice(device);
    }
}
