package ntsection.io;

import ntsection.ke.CurrentThread;
import ntsection.ke.ExceptionDispatch;
import ntsection.ke.Kernel;
import ntsection.ke.ProcessorMode;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ob.KernelObject;
import ntsection.ob.ObjectAttributes;
import ntsection.ob.ObjectManager;

import static ntsection.ke.ProcessorMode.KernelMode;
import static ntsection.ke.ProcessorMode.UserMode;
import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Attributes.*;

/**
 * NtCreateFile and NtOpenFile on a device name (IopParseDevice), and the File type's
 * close and delete procedures (IopCloseFile, IopDeleteFile). An open finds the named
 * device, refuses a device that is going away (STATUS_NO_SUCH_DEVICE), checks the
 * device's security for a user-mode caller and its exclusivity, then sends
 * IRP_MJ_CREATE to the top of the device's stack in the caller's thread. Only a file
 * whose create succeeded sees IRP_MJ_CLEANUP (its last handle closed, by NtClose or by
 * process rundown) and IRP_MJ_CLOSE (its last reference gone). Those two IRPs carry
 * RequestorMode KernelMode, as IopCloseFile and IopDeleteFile build them.
 */
final class FileServices {
    private final ObjectManager ob;
    private final Kernel kernel;
    private final IoManager io;

    FileServices(ObjectManager ob, IoManager io) {
        this.ob = ob;
        this.kernel = ob.kernel();
        this.io = io;
        ob.types().file().setCloseProcedure(this::closeProcedure);
        ob.types().file().setDeleteProcedure(this::deleteProcedure);
    }

    NtStatus open(LongOut handle, int desiredAccess, ObjectAttributes attributes, IoStatusBlock ioStatus, ProcessorMode mode) {
        if (attributes == null) return STATUS_INVALID_PARAMETER;
        Out<ObjectAttributes> captured = new Out<>();
        NtStatus capture = ob.captureAttributes(attributes, mode, captured);
        if (capture != STATUS_SUCCESS) return capture;
        Out<KernelObject> found = new Out<>();
        NtStatus lookup = ob.obReferenceObjectByName(captured.value.name(), captured.value.attributes() | OBJ_CASE_INSENSITIVE,
                0, ob.types().device(), KernelMode, found);
        if (lookup != STATUS_SUCCESS) return lookup;
        DeviceObject device = (DeviceObject) found.value;
        try {
            NtStatus admitted = admit(device, mode);
            if (admitted != STATUS_SUCCESS) return admitted;
            return create(device, handle, desiredAccess, captured.value, ioStatus, mode);
        } finally {
            ob.obDereferenceObject(device);
        }
    }

    /**
     * IopCheckDeviceAndDriver, then the device's security descriptor and DO_EXCLUSIVE;
     * an admitted open is counted on the device, and the file object's deletion
     * uncounts it.
     */
    private NtStatus admit(DeviceObject device, ProcessorMode mode) {
        if (device.deletePending || device.DriverObject.unloadPending
                || (device.Flags & DeviceFlags.DO_DEVICE_INITIALIZING) != 0) {
            return STATUS_NO_SUCH_DEVICE;
        }
        if (mode == UserMode && device.security == DeviceSecurity.TRUSTED_ONLY
                && !CurrentThread.get().currentProcess().token().trusted()) {
            return STATUS_ACCESS_DENIED;
        }
        synchronized (device) {
            if ((device.Flags & DeviceFlags.DO_EXCLUSIVE) != 0 && device.ReferenceCount > 0) return STATUS_ACCESS_DENIED;
            // Counted before the create IRP goes, so an unload cannot finish under the open.
            device.ReferenceCount++;
        }
        return STATUS_SUCCESS;
    }

    private NtStatus create(DeviceObject device, LongOut handle, int desiredAccess, ObjectAttributes attributes,
                            IoStatusBlock ioStatus, ProcessorMode mode) {
        FileObject file = ob.obCreateObject(new FileObject(ob.types().file(), device));
        DeviceObject top = Devices.ioGetAttachedDevice(device);
        Irp irp = new Irp(top.StackSize, mode, CurrentThread.get());
        IoStackLocation location = io.ioGetNextIrpStackLocation(irp);
        location.MajorFunction = IrpMajor.IRP_MJ_CREATE;
        location.FileObject = file;
        location.Parameters.Create.DesiredAccess = desiredAccess;
        NtStatus returned = ExceptionDispatch.runKernelCode(kernel, () -> io.ioCallDriver(top, irp));
        if (!irp.completed) {
            // NT waits for a pending create; with no scheduler nothing could complete it meanwhile.
            throw new IllegalStateException(top.DriverObject.DriverName + " left IRP_MJ_CREATE pending (" + returned
                    + "): the model completes opens synchronously");
        }
        NtStatus status = irp.IoStatus.Status;
        if (!status.isSuccess()) {
            // The file never opened: it goes without cleanup or close, and the device's count with it.
            ob.obDereferenceObject(file);
            return status;
        }
        file.opened = true;
        int handleAttributes = attributes.attributes() & (OBJ_INHERIT | OBJ_KERNEL_HANDLE);
        NtStatus inserted = ob.obInsertObject(file, ObjectAttributes.unnamed(handleAttributes), desiredAccess, mode, handle);
        if (inserted == STATUS_SUCCESS) {
            ioStatus.Status = status;
            ioStatus.Information = irp.IoStatus.Information;
        }
        return inserted;
    }

    /** IopCloseFile: the last handle sends IRP_MJ_CLEANUP. */
    private void closeProcedure(KernelObject object) {
        FileObject file = (FileObject) object;
        if (file.handleCount() == 0 && file.opened && !file.cleanedUp) cleanup(file);
    }

    /**
     * IopDeleteFile: IRP_MJ_CLOSE (after a cleanup the file never had, when it lost
     * its last reference without a handle), then the device's count drops, which may
     * finish a pending delete or unload.
     */
    private void deleteProcedure(KernelObject object) {
        FileObject file = (FileObject) object;
        if (file.opened) {
            if (!file.cleanedUp) cleanup(file);
            send(file, IrpMajor.IRP_MJ_CLOSE);
            file.closed = true;
        }
        io.releaseDevice(file.DeviceObject);
    }

    private void cleanup(FileObject file) {
        file.cleanedUp = true;
        send(file, IrpMajor.IRP_MJ_CLEANUP);
    }

    private void send(FileObject file, int majorFunction) {
        DeviceObject top = Devices.ioGetAttachedDevice(file.DeviceObject);
        Irp irp = new Irp(top.StackSize, KernelMode, CurrentThread.get());
        IoStackLocation location = io.ioGetNextIrpStackLocation(irp);
        location.MajorFunction = majorFunction;
        location.FileObject = file;
        ExceptionDispatch.runKernelCode(kernel, () -> io.ioCallDriver(top, irp));
    }
}
