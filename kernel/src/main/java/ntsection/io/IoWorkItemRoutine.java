package ntsection.io;

/** IO_WORKITEM_ROUTINE: called on a system worker thread with the item's device object and context. */
@FunctionalInterface
public interface IoWorkItemRoutine {
    void run(DeviceObject deviceObject, Object context);
}
