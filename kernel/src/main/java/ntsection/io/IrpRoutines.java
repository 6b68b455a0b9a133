package ntsection.io;

import ntsection.ke.ApcState;
import ntsection.ke.Attach;
import ntsection.ke.BugCheckCodes;
import ntsection.ke.CurrentThread;
import ntsection.ke.Kernel;
import ntsection.nt.NtStatus;
import ntsection.ps.Process;
import ntsection.ps.Thread;
import ntsection.vf.DriverCall;
import ntsection.vf.VerifierHooks;

/**
 * IoCallDriver, IoCompleteRequest and the stack-location macros. IoCallDriver runs
 * the next driver's dispatch routine in the calling thread, the right context for the
 * highest-level driver; under a controlled scheduler a lower driver's context is a
 * scheduling decision (LowerDriverContext: the caller or a system worker). Nothing
 * here depends on a lower driver running in the requestor's context, and
 * IoCompleteRequest finishes the request in the requestor's process whoever calls it.
 */
final class IrpRoutines {
    private final Kernel kernel;

    IrpRoutines(Kernel kernel) {
        this.kernel = kernel;
    }

    static IoStackLocation current(Irp irp) {
        return irp.stack[irp.CurrentLocation - 1];
    }

    /** The location the next driver down will see: the one IoCallDriver moves to. */
    IoStackLocation next(Irp irp) {
        if (irp.CurrentLocation < 2) throw kernel.keBugCheckEx(BugCheckCodes.NO_MORE_IRP_STACK_LOCATIONS, 0, 0, 0, 0);
        return irp.stack[irp.CurrentLocation - 2];
    }

    static void skipCurrent(Irp irp) {
        irp.CurrentLocation++;
    }

    void copyCurrentToNext(Irp irp) {
        current(irp).copyTo(next(irp));
    }

    /**
     * Moves to the next stack location, records the device there and calls the
     * device's driver's routine for the location's major function. Running out of
     * locations is NO_MORE_IRP_STACK_LOCATIONS, as on NT.
     */
    NtStatus ioCallDriver(DeviceObject device, Irp irp) {
        if (irp.completed) throw new IllegalStateException("IoCallDriver with an IRP that was already completed");
        irp.CurrentLocation--;
        if (irp.CurrentLocation < 1) {
            throw kernel.keBugCheckEx(BugCheckCodes.NO_MORE_IRP_STACK_LOCATIONS, 0, 0, 0, 0);
        }
        IoStackLocation location = current(irp);
        location.DeviceObject = device;
        DispatchRoutine routine = device.DriverObject.MajorFunction[location.MajorFunction];
        VerifierHooks hooks = kernel.hooks();
        if (hooks == VerifierHooks.NONE) return routine.dispatch(device, irp);
        Thread thread = CurrentThread.get();
        hooks.driverCalled(thread, device.DriverObject, DriverCall.DISPATCH, device, irp);
        try {
            return routine.dispatch(device, irp);
        } finally {
            hooks.driverReturned(thread, device.DriverObject, DriverCall.DISPATCH, device, irp);
        }
    }

    /** A completion routine runs: driver code of the driver above, {@code above} null at the top. */
    private NtStatus complete(IoCompletionRoutine routine, DeviceObject above, Irp irp, Object context) {
        VerifierHooks hooks = kernel.hooks();
        if (hooks == VerifierHooks.NONE || above == null) return routine.complete(above, irp, context);
        Thread thread = CurrentThread.get();
        hooks.driverCalled(thread, above.DriverObject, DriverCall.COMPLETION, above, irp);
        try {
            return routine.complete(above, irp, context);
        } finally {
            hooks.driverReturned(thread, above.DriverObject, DriverCall.COMPLETION, above, irp);
        }
    }

    /** IoSetCompletionRoutine: on the next location, for the driver below to complete into. */
    void setCompletionRoutine(Irp irp, IoCompletionRoutine routine, Object context, boolean onSuccess, boolean onError) {
        IoStackLocation next = next(irp);
        next.CompletionRoutine = routine;
        next.Context = context;
        next.invokeOnSuccess = onSuccess;
        next.invokeOnError = onError;
    }

    /**
     * IoCompleteRequest: walks up the stack from the current location calling each
     * completion routine that asked for this outcome, with the device of the driver
     * above; a routine returning STATUS_MORE_PROCESSING_REQUIRED stops the walk and the
     * IRP stays with its driver. At the top the IRP is complete, and the I/O manager's
     * completion (copy-out to the caller's buffer, unlocking and freeing) runs attached
     * to the requestor's process, where NT's special kernel APC would run it.
     * Completing an IRP twice is MULTIPLE_IRP_COMPLETE_REQUESTS, as on NT.
     */
    void ioCompleteRequest(Irp irp) {
        if (irp.completed) throw kernel.keBugCheckEx(BugCheckCodes.MULTIPLE_IRP_COMPLETE_REQUESTS, 0, 0, 0, 0);
        while (irp.CurrentLocation <= irp.stack.length) {
            IoStackLocation location = irp.stack[irp.CurrentLocation - 1];
            irp.CurrentLocation++;
            IoCompletionRoutine routine = location.CompletionRoutine;
            location.CompletionRoutine = null;
            boolean success = !irp.IoStatus.Status.isError();
            if (routine == null || !(success ? location.invokeOnSuccess : location.invokeOnError)) continue;
            DeviceObject above = irp.CurrentLocation <= irp.stack.length ? current(irp).DeviceObject : null;
            if (complete(routine, above, irp, location.Context) == NtStatus.STATUS_MORE_PROCESSING_REQUIRED) return;
        }
        irp.completed = true;
        Thread thread = CurrentThread.get();
        VerifierHooks hooks = kernel.hooks();
        if (hooks != VerifierHooks.NONE) hooks.irpCompleted(thread, irp);
        Process requestor = irp.Tail.Overlay.Thread.process();
        ApcState state = new ApcState();
        Attach.keStackAttachProcess(thread, requestor, state);
        try {
            irp.completion.run();
        } finally {
            Attach.keUnstackDetachProcess(kernel, thread, state);
        }
    }
}
