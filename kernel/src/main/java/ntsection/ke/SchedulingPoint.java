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

    /**
     * The step a controlled run driving {@code thread} has reached (the number of
     * scheduling decisions made so far), or -1 when no controlled scheduler drives it.
     */
    public static long step(Thread thread) {
        Carrier carrier = thread.carrier();
        return carrier != null && carrier.controlled ? carrier.scheduler.steps() : -1;
    }

    /** An explicit yield of the current simulated thread (ZwYieldExecution). */
    public static void yieldNow() {
        at(CurrentThread.get(), PointKind.YIELD, 0);
    }
}
