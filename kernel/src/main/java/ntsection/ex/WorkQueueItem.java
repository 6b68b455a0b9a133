package ntsection.ex;

import ntsection.mm.AddressLimits;

/**
 * WORK_QUEUE_ITEM, filled in by ExInitializeWorkItem. The model's code has no
 * addresses, so a routine is kernel code unless the item was made from a user-mode
 * function pointer (a driver that queues a callback it was handed in an IOCTL):
 * ExQueueWorkItem refuses such an item with WORKER_INVALID before anything runs it.
 */
public final class WorkQueueItem {
    final WorkerRoutine routine;
    final long userRoutine;
    final Object parameter;
    /** In a queue and not yet taken by a worker (List.Flink != NULL). */
    boolean queued;

    private WorkQueueItem(WorkerRoutine routine, long userRoutine, Object parameter) {
        this.routine = routine;
        this.userRoutine = userRoutine;
        this.parameter = parameter;
    }

    /** ExInitializeWorkItem(Item, Routine, Parameter). */
    public static WorkQueueItem exInitializeWorkItem(WorkerRoutine routine, Object parameter) {
        return new WorkQueueItem(routine, 0, parameter);
    }

    /** An item whose WorkerRoutine is a user-mode address: what a driver builds from an untrusted pointer. */
    public static WorkQueueItem withUserModeRoutine(long routineAddress, Object parameter) {
        if (routineAddress >= AddressLimits.MM_USER_PROBE_ADDRESS) {
            throw new IllegalArgumentException("not a user-mode address: 0x" + Long.toHexString(routineAddress));
        }
        return new WorkQueueItem(null, routineAddress, parameter);
    }

    public synchronized boolean isQueued() {
        return queued;
    }

    boolean routineIsUserCode() {
        return routine == null;
    }
}
