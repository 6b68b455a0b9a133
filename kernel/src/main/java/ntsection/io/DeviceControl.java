package ntsection.io;

import ntsection.ke.CurrentThread;
import ntsection.ke.ExceptionDispatch;
import ntsection.ke.Kernel;
import ntsection.ke.NtException;
import ntsection.ke.ProcessorMode;
import ntsection.mm.MemoryManager;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ob.HandleInformation;
import ntsection.ob.KernelObject;
import ntsection.ob.ObjectManager;

import java.lang.foreign.MemorySegment;

import static ntsection.io.CtlCode.*;
import static ntsection.ke.ProcessorMode.UserMode;
import static ntsection.nt.NtStatus.*;

/**
 * NtDeviceIoControlFile (IopXxxControlFile): the handle must be a file opened with
 * the rights the code's access field asks for; then the buffers are prepared by the
 * code's transfer method before IRP_MJ_DEVICE_CONTROL goes to the top of the stack in
 * the caller's thread.
 * <ul>
 * <li>METHOD_BUFFERED: one system buffer of the larger length; the input is copied
 *     in, and on completion Information bytes (at most the output length) are copied
 *     out to the caller's output buffer.</li>
 * <li>METHOD_IN_DIRECT / METHOD_OUT_DIRECT: the input as for METHOD_BUFFERED; the
 *     output buffer is described by an MDL, its pages probed for read (IN) or write
 *     (OUT) and locked.</li>
 * <li>METHOD_NEITHER: the caller's raw pointers, Type3InputBuffer and UserBuffer,
 *     unprobed: the driver must probe and guard every access itself.</li>
 * </ul>
 * For a user-mode caller a fault while the I/O manager probes or copies is returned
 * as its status, as the service's own try/except does; an exception escaping a
 * dispatch routine bug-checks.
 */
final class DeviceControl {
    private final ObjectManager ob;
    private final Kernel kernel;
    private final MemoryManager mm;
    private final IoManager io;

    DeviceControl(ObjectManager ob, MemoryManager mm, IoManager io) {
        this.ob = ob;
        this.kernel = ob.kernel();
        this.mm = mm;
        this.io = io;
    }

    NtStatus deviceIoControlFile(long fileHandle, IoStatusBlock ioStatus, int code, long inputBuffer, int inputLength,
                                 long outputBuffer, int outputLength, ProcessorMode mode) {
        Out<KernelObject> object = new Out<>();
        Out<HandleInformation> information = new Out<>();
        NtStatus referenced = ob.obReferenceObjectByHandle(fileHandle, 0, ob.types().file(), mode, object, information);
        if (referenced != STATUS_SUCCESS) return referenced;
        FileObject file = (FileObject) object.value;
        int required = CtlCode.handleRights(code);
        if (mode == UserMode && (information.value.grantedAccess() & required) != required) {
            ob.obDereferenceObject(file);
            return STATUS_ACCESS_DENIED;
        }
        DeviceObject top = Devices.ioGetAttachedDevice(file.DeviceObject);
        Irp irp = new Irp(top.StackSize, mode, CurrentThread.get());
        IoStackLocation location = io.ioGetNextIrpStackLocation(irp);
        location.MajorFunction = IrpMajor.IRP_MJ_DEVICE_CONTROL;
        location.FileObject = file;
        location.Parameters.DeviceIoControl.IoControlCode = code;
        location.Parameters.DeviceIoControl.InputBufferLength = inputLength;
        location.Parameters.DeviceIoControl.OutputBufferLength = outputLength;
        NtStatus prepared = prepareBuffers(irp, location, method(code), inputBuffer, inputLength, outputBuffer,
                outputLength, mode);
        if (prepared != STATUS_SUCCESS) {
            ob.obDereferenceObject(file);
            return prepared;
        }
        irp.completion = () -> finish(irp, method(code), outputLength, file);
        NtStatus status = ExceptionDispatch.runKernelCode(kernel, () -> io.ioCallDriver(top, irp));
        if (!irp.completed) return status;
        ioStatus.Status = irp.IoStatus.Status;
        ioStatus.Information = irp.IoStatus.Information;
        return irp.IoStatus.Status;
    }

    /** The method's buffers; a fault from the probe or copy comes back as its status and nothing is left allocated. */
    private NtStatus prepareBuffers(Irp irp, IoStackLocation location, int method, long inputBuffer, int inputLength,
                                    long outputBuffer, int outputLength, ProcessorMode mode) {
        try {
            switch (method) {
                case METHOD_BUFFERED -> {
                    if (mode == UserMode) {
                        mm.probe().probeForWrite(outputBuffer, Integer.toUnsignedLong(outputLength), 1);
                        mm.probe().probeForRead(inputBuffer, Integer.toUnsignedLong(inputLength), 1);
                    }
                    irp.AssociatedIrp.SystemBuffer = copyIn(inputBuffer, inputLength, Math.max(inputLength, outputLength));
                    irp.UserBuffer = outputBuffer;
                }
                case METHOD_IN_DIRECT, METHOD_OUT_DIRECT -> {
                    if (mode == UserMode) mm.probe().probeForRead(inputBuffer, Integer.toUnsignedLong(inputLength), 1);
                    irp.AssociatedIrp.SystemBuffer = copyIn(inputBuffer, inputLength, inputLength);
                    if (outputLength != 0) {
                        Mdl mdl = io.ioAllocateMdl(outputBuffer, outputLength);
                        io.mmProbeAndLockPages(mdl, mode, method == METHOD_IN_DIRECT ? LockOperation.IoReadAccess
                                : LockOperation.IoWriteAccess);
                        irp.MdlAddress = mdl;
                    }
                }
                default -> {
                    location.Parameters.DeviceIoControl.Type3InputBuffer = inputBuffer;
                    irp.UserBuffer = outputBuffer;
                }
            }
            return STATUS_SUCCESS;
        } catch (NtException exception) {
            irp.AssociatedIrp.SystemBuffer = null;
            return exception.status();
        }
    }

    private MemorySegment copyIn(long inputBuffer, int inputLength, int size) {
        return Completion.systemBuffer(mm, inputBuffer, inputLength, size);
    }

    private void finish(Irp irp, int method, int outputLength, FileObject file) {
        Completion.finish(ob, mm, io, irp, method == METHOD_BUFFERED, outputLength, file);
    }
}
