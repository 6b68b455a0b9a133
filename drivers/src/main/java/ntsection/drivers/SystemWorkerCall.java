package ntsection.drivers;

import ntsection.Executive;
import ntsection.ex.Event;
import ntsection.ex.KernelEvents;
import ntsection.ex.WorkQueueItem;
import ntsection.ke.Wait;
import ntsection.nt.NtStatus;

import java.util.function.Supplier;

import static ntsection.ex.WorkQueueType.DelayedWorkQueue;

/**
 * Runs kernel code on a system worker thread and waits for it: ExInitializeWorkItem,
 * ExQueueWorkItem, and a KEVENT the routine sets. The routine runs in the System
 * process, so a view it maps with NtCurrentProcess lands there and nowhere else.
 */
public final class SystemWorkerCall {
    private SystemWorkerCall() {
    }

    public static NtStatus run(Executive system, Supplier<NtStatus> routine) {
        Event done = KernelEvents.keInitializeEvent(system.ob(), Event.NotificationEvent, false);
        NtStatus[] result = new NtStatus[1];
        WorkQueueItem item = WorkQueueItem.exInitializeWorkItem(parameter -> {
            result[0] = routine.get();
            done.set();
        }, null);
        system.workQueues().exQueueWorkItem(item, DelayedWorkQueue);
        Wait.keWaitForSingleObject(done, null);
        system.ob().obDereferenceObject(done);
        return result[0];
    }
}
