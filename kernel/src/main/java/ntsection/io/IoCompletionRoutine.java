package ntsection.io;

import ntsection.nt.NtStatus;

/**
 * IO_COMPLETION_ROUTINE: called by IoCompleteRequest on the way up the stack with the
 * device of the driver that set it. STATUS_MORE_PROCESSING_REQUIRED stops the
 * completion there: the driver owns the IRP again and completes it later.
 */
@FunctionalInterface
public interface IoCompletionRoutine {
    NtStatus complete(DeviceObject deviceObject, Irp irp, Object context);
}
