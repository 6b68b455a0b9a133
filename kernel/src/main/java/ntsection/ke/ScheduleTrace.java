package ntsection.ke;

import ntsection.ps.Thread;

/**
 * Hears each scheduling decision of a controlled run as the scheduler records it, so
 * that a replay can show what every thread was doing when the processor changed hands.
 * It is called on the Java thread of the simulated thread at the point, while that
 * thread holds the baton and before it gives the processor away: its own stack is
 * there to inspect. Nothing else runs meanwhile, so the listener needs no locking, and
 * a listener that throws fails the run as a faulty strategy does.
 */
@FunctionalInterface
public interface ScheduleTrace {
    /**
     * One decision.
     *
     * @param step   its index in the run's schedule
     * @param at     the thread whose point it is; null for the run's first pick, made by the thread calling run()
     * @param kind   the kind of point
     * @param detail what the point is about: an object or user address, a status; see the callers of SchedulingPoint
     * @param chosen the thread that runs next (the same as {@code at} when it keeps the processor)
     */
    void decided(int step, Thread at, PointKind kind, long detail, Thread chosen);
}
