package ntsection.verifier.replay;

import ntsection.ke.PointKind;
import ntsection.ke.ScheduleTrace;
import ntsection.ob.ObjectManager;
import ntsection.ps.Thread;

import java.util.ArrayList;
import java.util.List;

/**
 * The interleaving of a controlled run, told step by step: at each scheduling decision,
 * which thread was where, doing what, and who ran next. Set it on the scheduler of a
 * replay ({@code scheduler.trace(interleaving)}) before the run; it reads each thread's
 * stack as the thread reaches its point, so it costs a stack walk per step and belongs
 * in a replay, not in a search.
 */
public final class Interleaving implements ScheduleTrace {
    private final ObjectNames objects;
    private final List<Step> steps = new ArrayList<>();

    /** {@code ob} is the replayed system's: waits and signals name its objects. */
    public Interleaving(ObjectManager ob) {
        this.objects = new ObjectNames(ob);
    }

    /**
     * One scheduling decision.
     *
     * @param number the decision's index in the schedule
     * @param thread the thread at the point ("attacker.exe T2"); null for the run's first pick
     * @param action what it does there ("NtCreateEvent enters", "read 0x10000 in NtDeviceIoControlFile")
     * @param code   the innermost driver or user-program frame ("RawDevice.sendRaw(RawDevice.java:35)");
     *               null when only the executive is on the stack, as at the run's start and a thread's end
     * @param next   the thread that runs after the decision
     */
    public record Step(int number, String thread, String action, String code, String next) {
        /** Whether the processor changes hands here. */
        public boolean switches() {
            return !next.equals(thread);
        }
    }

    @Override
    public void decided(int step, Thread at, PointKind kind, long detail, Thread chosen) {
        // The first pick is made by whoever called run(): no simulated thread's stack to read.
        CallSite site = at == null ? new CallSite(null, null) : CallSite.ofCurrentThread();
        steps.add(new Step(step, at == null ? null : name(at), Actions.describe(kind, detail, site, objects), site.code(),
                name(chosen)));
    }

    /** The steps heard so far, in the schedule's order. */
    public List<Step> steps() {
        return List.copyOf(steps);
    }

    /** "attacker.exe T2": short enough for a column, and unique, since thread ids are. */
    private static String name(Thread thread) {
        return thread.process().imageName() + " T" + thread.id();
    }
}
