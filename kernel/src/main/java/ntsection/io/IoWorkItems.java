package ntsection.io;

import ntsection.ex.WorkQueueItem;
import ntsection.ex.WorkQueueType;
import ntsection.ex.WorkQueues;
import ntsection.ob.ObjectManager;

/**
 * IoAllocateWorkItem, IoQueueWorkItem and IoFreeWorkItem (io/iomgr/iowork.c): work
 * items that hold a reference on their device object from the moment they are queued
 * until the routine returns, so the device object outlives an unload or an
 * IoDeleteDevice that happens in between.
 */
public final class IoWorkItems {
    private final ObjectManager ob;
    private final WorkQueues queues;

    public IoWorkItems(ObjectManager ob, WorkQueues queues) {
        this.ob = ob;
        this.queues = queues;
    }

    /** IoAllocateWorkItem. Nonpaged pool never runs out in the model, so it never returns null. */
    public IoWorkItem ioAllocateWorkItem(DeviceObject deviceObject) {
        return new IoWorkItem(deviceObject);
    }

    /**
     * IoQueueWorkItem: references the device object, then queues a worker routine that
     * calls {@code routine(DeviceObject, Context)} and drops the reference when it
     * returns (or unwinds).
     */
    public void ioQueueWorkItem(IoWorkItem item, IoWorkItemRoutine routine, WorkQueueType queueType, Object context) {
        synchronized (item) {
            if (item.freed) throw new IllegalStateException("IoQueueWorkItem of a freed work item");
            if (item.queued) throw new IllegalStateException("IoQueueWorkItem of a work item already queued");
            item.queued = true;
        }
        ob.obReferenceObject(item.device);
        WorkQueueItem work = WorkQueueItem.exInitializeWorkItem(parameter -> {
            synchronized (item) {
                item.queued = false;
            }
            try {
                routine.run(item.device, context);
            } finally {
                ob.obDereferenceObject(item.device);
            }
        }, context);
        queues.exQueueWorkItem(work, queueType);
    }

    /**
     * IoFreeWorkItem. Freeing an item still in its queue is a driver bug NT does not
     * check (the worker would later use freed pool); the model refuses it as a scenario
     * bug rather than inventing a stop code. Freeing from inside the routine is the
     * usual pattern and allowed: the item has left the queue by then.
     */
    public void ioFreeWorkItem(IoWorkItem item) {
        synchronized (item) {
            if (item.queued) throw new IllegalStateException("IoFreeWorkItem of a work item that is still queued");
            item.freed = true;
        }
    }
}
