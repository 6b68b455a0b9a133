package ntsection.io;

import ntsection.ke.CurrentThread;
import ntsection.ke.ExceptionDispatch;
import ntsection.ke.Kernel;
import ntsection.ke.NtException;
import ntsection.ke.ProcessorMode;
import ntsection.mm.MemoryManager;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ob.KernelObject;
import ntsection.ob.ObjectManager;

import static ntsection.io.FileAccess.FILE_READ_DATA;
import static ntsection.io.FileAccess.FILE_WRITE_DATA;
import static ntsection.ke.ProcessorMode.UserMode;
import static ntsection.nt.NtStatus.STATUS_SUCCESS;

/**
 * NtReadFile and NtWriteFile (IopReadFile, IopWriteFile) on a device: the handle needs
 * FILE_READ_DATA or FILE_WRITE_DATA; a user-mode buffer is probed (for write when
 * reading into it, for read when writing from it); then the top device's flags choose
 * the buffering, as for the transfer methods of a control code: DO_BUFFERED_IO a
 * system buffer (copied in for a write, out for a read), DO_DIRECT_IO an MDL over the
 * locked pages, neither the raw UserBuffer.
 */
final class ReadWrite {
    private final ObjectManager ob;
    private final Kernel kernel;
    private final MemoryManager mm;
    private final IoManager io;

    ReadWrite(ObjectManager ob, MemoryManager mm, IoManager io) {
        this.ob = ob;
        this.kernel = ob.kernel();
        this.mm = mm;
        this.io = io;
    }

    NtStatus transfer(boolean write, long fileHandle, IoStatusBlock ioStatus, long buffer, int length, long byteOffset,
                      ProcessorMode mode) {
        Out<KernelObject> object = new Out<>();
        NtStatus referenced = ob.obReferenceObjectByHandle(fileHandle, write ? FILE_WRITE_DATA : FILE_READ_DATA,
                ob.types().file(), mode, object, null);
        if (referenced != STATUS_SUCCESS) return referenced;
        FileObject file = (FileObject) object.value;
        DeviceObject top = Devices.ioGetAttachedDevice(file.DeviceObject);
        Irp irp = new Irp(top.StackSize, mode, CurrentThread.get());
        IoStackLocation location = io.ioGetNextIrpStackLocation(irp);
        location.MajorFunction = write ? IrpMajor.IRP_MJ_WRITE : IrpMajor.IRP_MJ_READ;
        location.FileObject = file;
        IoStackLocation.Transfer parameters = write ? location.Parameters.Write : location.Parameters.Read;
        parameters.Length = length;
        parameters.ByteOffset = byteOffset;
        NtStatus prepared = prepare(irp, top.Flags, write, buffer, length, mode);
        if (prepared != STATUS_SUCCESS) {
            ob.obDereferenceObject(file);
            return prepared;
        }
        boolean copyOut = !write && (top.Flags & DeviceFlags.DO_BUFFERED_IO) != 0;
        irp.completion = () -> Completion.finish(ob, mm, io, irp, copyOut, length, file);
        NtStatus status = ExceptionDispatch.runKernelCode(kernel, () -> io.ioCallDriver(top, irp));
        if (!irp.completed) return status;
        ioStatus.Status = irp.IoStatus.Status;
        ioStatus.Information = irp.IoStatus.Information;
        return irp.IoStatus.Status;
    }

    private NtStatus prepare(Irp irp, int deviceFlags, boolean write, long buffer, int length, ProcessorMode mode) {
        try {
            if (mode == UserMode) {
                if (write) mm.probe().probeForRead(buffer, Integer.toUnsignedLong(length), 1);
                else mm.probe().probeForWrite(buffer, Integer.toUnsignedLong(length), 1);
            }
            irp.UserBuffer = buffer;
            if ((deviceFlags & DeviceFlags.DO_BUFFERED_IO) != 0) {
                irp.AssociatedIrp.SystemBuffer = Completion.systemBuffer(mm, buffer, write ? length : 0, length);
            } else if ((deviceFlags & DeviceFlags.DO_DIRECT_IO) != 0 && length != 0) {
                Mdl mdl = io.ioAllocateMdl(buffer, length);
                io.mmProbeAndLockPages(mdl, mode, write ? LockOperation.IoReadAccess : LockOperation.IoWriteAccess);
                irp.MdlAddress = mdl;
            }
            return STATUS_SUCCESS;
        } catch (NtException exception) {
            irp.AssociatedIrp.SystemBuffer = null;
            return exception.status();
        }
    }
}
