package ntsection.io;

/** IO_WORKITEM: a work item tied to a device object, from IoAllocateWorkItem. */
public final class IoWorkItem {
    final DeviceObject device;
    /** Queued by IoQueueWorkItem and not yet taken by a worker; IoFreeWorkItem refuses it then. */
    boolean queued;
    boolean freed;

    IoWorkItem(DeviceObject device) {
        this.device = device;
    }

    public synchronized boolean isQueued() {
        return queued;
    }
}
