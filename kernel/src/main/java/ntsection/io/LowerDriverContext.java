package ntsection.io;

import ntsection.Executive;
import ntsection.ex.Event;
import ntsection.ex.KernelEvents;
import ntsection.ex.WorkQueueItem;
import ntsection.ex.WorkQueueType;
import ntsection.ke.CurrentThread;
import ntsection.ke.PointKind;
import ntsection.ke.SchedulingPoint;
import ntsection.ke.Wait;
import ntsection.nt.NtStatus;
import ntsection.ps.Thread;

import java.util.function.Supplier;

/**
 * The context a lower-level driver's dispatch routine runs in. The highest-level
 * driver runs in the requestor's thread; a driver below it may be called from any
 * context, typically because a filter above forwarded the IRP from a system worker.
 *
 * <p>Outside a controlled run the call stays synchronous in the calling thread. In a
 * controlled run, IoCallDriver to a device with a device attached above it queues a
 * critical work item that would make the call, then reaches a scheduling point: if the
 * strategy lets the worker run before the caller resumes, the worker claims the call
 * and the lower driver runs in the System process while the caller waits for it;
 * otherwise the caller claims it and the worker's item does nothing. The choice is
 * thus an ordinary scheduling decision, in the schedule and the trace hash, and a
 * replay makes it again.
 */
final class LowerDriverContext {
    private final Executive system;

    LowerDriverContext(Executive system) {
        this.system = system;
    }

    NtStatus call(DeviceObject device, Supplier<NtStatus> dispatch) {
        boolean lower = device.AttachedDevice != null;
        if (!lower || !system.scheduler().isControlled() || !CurrentThread.isSet()) return dispatch.get();
        Thread caller = CurrentThread.get();
        // A thread outside the run (a test's setup, a driver load) has no one to be scheduled against.
        if (caller.carrier() == null) return dispatch.get();
        Forward forward = new Forward(KernelEvents.keInitializeEvent(system.ob(), Event.NotificationEvent, false));
        try {
            system.workQueues().exQueueWorkItem(WorkQueueItem.exInitializeWorkItem(ignored -> {
                if (forward.claim()) {
                    forward.status = dispatch.get();
                    forward.done.set();
                }
            }, null), WorkQueueType.CriticalWorkQueue);
            SchedulingPoint.at(caller, PointKind.YIELD, device.address());
            if (forward.claim()) return dispatch.get();
            Wait.keWaitForSingleObject(forward.done, null);
            return forward.status;
        } finally {
            system.ob().obDereferenceObject(forward.done);
        }
    }

    /** Who makes the call: the first of the caller and the worker to claim it. */
    private static final class Forward {
        final Event done;
        NtStatus status;
        private boolean claimed;

        Forward(Event done) {
            this.done = done;
        }

        synchronized boolean claim() {
            if (claimed) return false;
            claimed = true;
            return true;
        }
    }
}
