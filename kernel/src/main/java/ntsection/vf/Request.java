package ntsection.vf;

import ntsection.io.CtlCode;
import ntsection.io.IoManager;
import ntsection.io.IoStackLocation;
import ntsection.io.Irp;
import ntsection.io.IrpMajor;
import ntsection.ps.Process;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * What the rule checks remember of one IRP from its first dispatch to its completion:
 * who asked (the thread that issued it, and so its process), the bytes the requestor
 * sent in (a METHOD_BUFFERED or direct device control's input, as the system buffer held
 * it before any driver ran), the views driver code mapped while serving it, and the
 * user-range reads driver code made for it.
 */
final class Request {
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    final Irp irp;
    final Process requestor;
    private final byte[] input;
    private final boolean bufferedOutput;
    private final int outputLength;
    /** Views mapped into a process's user range while serving this request, judged at completion. */
    final List<ViewRules.TrackedView> views = new ArrayList<>();
    /** Handles driver code made in the requestor's table while serving this request, judged at completion. */
    final List<Long> handles = new ArrayList<>();
    /** Reads of user memory by driver code for this request: [process, from, to) each. */
    final List<AccessRules.Read> reads = new ArrayList<>();
    boolean completed;

    /** Called at the IRP's first dispatch, when the current stack location is the top driver's. */
    Request(Irp irp) {
        this.irp = irp;
        this.requestor = irp.Tail.Overlay.Thread.process();
        IoStackLocation location = IoManager.ioGetCurrentIrpStackLocation(irp);
        IoStackLocation.DeviceIoControl control = location.Parameters.DeviceIoControl;
        boolean deviceControl = location.MajorFunction == IrpMajor.IRP_MJ_DEVICE_CONTROL;
        int method = CtlCode.method(control.IoControlCode);
        MemorySegment system = irp.AssociatedIrp.SystemBuffer;
        if (deviceControl && method != CtlCode.METHOD_NEITHER && system != null && control.InputBufferLength > 0) {
            long length = Math.min(Integer.toUnsignedLong(control.InputBufferLength), system.byteSize());
            input = system.asSlice(0, length).toArray(ValueLayout.JAVA_BYTE);
        } else {
            input = new byte[0];
        }
        bufferedOutput = deviceControl && method == CtlCode.METHOD_BUFFERED;
        outputLength = control.OutputBufferLength;
    }

    /** Whether the requestor's input held {@code value} as eight little-endian bytes, at any offset. */
    boolean inputCarries(long value) {
        return contains(MemorySegment.ofArray(input), input.length, value);
    }

    /**
     * Whether the output going back to the requestor holds {@code value} as eight
     * little-endian bytes: the first Information bytes of a METHOD_BUFFERED request's
     * system buffer, at most the output length. Read at completion, before the copy-out.
     */
    boolean outputCarries(long value) {
        MemorySegment system = irp.AssociatedIrp.SystemBuffer;
        if (!bufferedOutput || system == null || irp.IoStatus.Status.isError()) return false;
        long length = Math.min(Math.min(irp.IoStatus.Information, Integer.toUnsignedLong(outputLength)), system.byteSize());
        return contains(system, length, value);
    }

    private static boolean contains(MemorySegment bytes, long length, long value) {
        for (long at = 0; at + Long.BYTES <= length; at++) {
            if (bytes.get(LONG, at) == value) return true;
        }
        return false;
    }
}
