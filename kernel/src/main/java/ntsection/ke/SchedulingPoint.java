package ntsection.ke;

import ntsection.ps.Thread;

/**
 * The hook the executive calls wherever a thread switch could happen on NT. A thread
 * that no controlled scheduler drives (every thread outside a controlled run, and all
 * threads in free mode) passes straight through: a field load and a test or two.
 */
public final class SchedulingPoint {
    private SchedulingPoint() {
    }

    public static void at(Thread thread, PointKind kind, long detail) {
        Carrier carrier = thread.carrier();
        if (carrier != null && carrier.controlled) carrier.scheduler.point(carrier, kind, detail);
    }

    /** An explicit yield of the current simulated thread (ZwYieldExecution). */
    public static void yieldNow() {
        at(CurrentThread.get(), PointKind.YIELD, 0);
    }
}
