package ntsection.ke;

import ntsection.nt.NtStatus;
import ntsection.ps.Thread;

/**
 * KeWaitForSingleObject. Timeouts are NT's: null waits forever, 0 only tests the
 * state, a negative value is relative and a positive one absolute, in 100 ns units.
 *
 * <p>Under a controlled scheduler time is logical: it stands still while any thread
 * can run, and when none can it jumps to the earliest deadline, whose waiters return
 * STATUS_TIMEOUT. A timeout therefore never races a signal that some runnable thread
 * was still going to give, so a run stays a function of its schedule. In free mode
 * the timeout is real time.
 */
public final class Wait {
    private Wait() {
    }

    public static NtStatus keWaitForSingleObject(DispatcherObject object, Long timeout) {
        Thread thread = CurrentThread.get();
        SchedulingPoint.at(thread, PointKind.WAIT, object.address());
        WaitBlock block;
        synchronized (object) {
            if (object.isSignaledFor(thread)) return object.satisfy(thread);
            if (timeout != null && timeout == 0) return NtStatus.STATUS_TIMEOUT;
            block = new WaitBlock(thread, object);
            object.enqueue(block);
        }
        NtStatus status;
        try {
            Carrier carrier = thread.carrier();
            if (carrier == null) block.park(realDeadline(timeout));
            else if (carrier.controlled) carrier.scheduler.block(carrier, block, timeout);
            else carrier.scheduler.freeWait(carrier, block, realDeadline(timeout));
        } finally {
            // Timed out, or unwound while waiting: the block must not be satisfied later.
            synchronized (object) {
                status = block.status();
                if (status == null) object.dequeue(block);
            }
        }
        return status == null ? NtStatus.STATUS_TIMEOUT : status;
    }

    private static long realDeadline(Long timeout) {
        if (timeout == null) return Long.MAX_VALUE;
        // The model has no wall clock: an absolute time counts as that long from now.
        long hundreds = timeout < 0 ? -timeout : timeout;
        if (hundreds > Long.MAX_VALUE / 100) return Long.MAX_VALUE;
        long deadline = System.nanoTime() + hundreds * 100;
        return deadline < 0 ? Long.MAX_VALUE : deadline;
    }
}
