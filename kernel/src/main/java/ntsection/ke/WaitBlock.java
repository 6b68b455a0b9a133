package ntsection.ke;

import ntsection.nt.NtStatus;
import ntsection.ps.Thread;

import java.util.concurrent.locks.LockSupport;

/**
 * KWAIT_BLOCK: one thread waiting on one dispatcher object. The object's signaller
 * fills in the status and wakes the thread: under a controlled scheduler by making it
 * runnable again, otherwise by unparking its Java thread.
 */
final class WaitBlock {
    final Thread thread;
    final DispatcherObject object;
    private final java.lang.Thread javaThread = java.lang.Thread.currentThread();
    private volatile NtStatus status;

    WaitBlock(Thread thread, DispatcherObject object) {
        this.thread = thread;
        this.object = object;
    }

    NtStatus status() {
        return status;
    }

    /** Called with the object's monitor held. */
    void satisfy(NtStatus result) {
        status = result;
        Carrier carrier = thread.carrier();
        if (carrier != null && carrier.controlled) carrier.wake();
        else LockSupport.unpark(javaThread);
    }

    /**
     * A thread no scheduler started (a test's own thread, say): parks until satisfied or
     * until the deadline (System.nanoTime, or Long.MAX_VALUE for none).
     */
    void park(long deadline) {
        while (status == null) {
            if (deadline == Long.MAX_VALUE) {
                LockSupport.park(this);
            } else {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) return;
                LockSupport.parkNanos(this, remaining);
            }
        }
    }
}
