package ntsection.ke;

import ntsection.ps.Thread;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs simulated threads on Java virtual threads.
 *
 * <p>Free mode: the threads run in parallel as soon as they start; scheduling points
 * do nothing; {@link #run()} waits for them all. When every thread still alive waits
 * without a timeout, the run ends as a deadlock with every thread's wait, and a
 * bug-check ends it too: waiting threads notice within {@link #FREE_POLL_NANOS} and
 * unwind, so a free run never hangs either. Deadlock is judged only once run() is
 * called (threads start at once, so the ones started first may wait for ones not yet
 * started), and only the run's own threads count as signallers.
 *
 * <p>Controlled mode: one baton passes between the threads, so exactly one runs at a
 * time. At every scheduling point the strategy picks the next thread among the
 * runnable ones; the list of picks is the schedule and the trace hash digests every
 * decision. A thread that waits is not runnable until it is signalled or, when no
 * thread can run, its logical timeout expires (see {@link Wait}). When nothing can run
 * and nobody has a timeout the run ends as a deadlock, with every thread's wait. A
 * bug-check ends the run too: the remaining threads are resumed one at a time and
 * unwound. Either way {@link #run()} returns; it never hangs.
 */
public final class Scheduler {
    private static final long MIX = 0x9E3779B97F4A7C15L;
    /** How often a free-mode waiter looks up from its wait for the end of the run. */
    static final long FREE_POLL_NANOS = 10_000_000L;

    private final Kernel kernel;
    private final Strategy strategy;
    private final List<Carrier> carriers = new ArrayList<>();
    private final List<java.lang.Thread> javaThreads = new ArrayList<>();
    private final Semaphore finished = new Semaphore(0);
    private int[] runnable = new int[8];
    private int[] schedule = new int[64];
    private int steps;
    private long hash = 0x6E7473656374696FL;
    private long now;
    private volatile boolean aborting;
    private int freeAlive;
    /** Free mode: run() was called, so no thread from outside the run will be started. */
    private boolean freeRunning;
    private List<String> deadlock = List.of();
    private volatile Throwable failure;
    private ScheduleTrace trace;

    private Scheduler(Kernel kernel, Strategy strategy) {
        this.kernel = kernel;
        this.strategy = strategy;
    }

    /** One thread at a time, chosen by {@code strategy} at every scheduling point. */
    public static Scheduler controlled(Kernel kernel, Strategy strategy) {
        return new Scheduler(kernel, strategy);
    }

    /** Threads in parallel, as the JVM runs them. */
    public static Scheduler free(Kernel kernel) {
        return new Scheduler(kernel, null);
    }

    public boolean isControlled() {
        return strategy != null;
    }

    /**
     * How many scheduling decisions the run has made so far: the length of the schedule
     * recorded up to now. Read by the thread holding the baton (a verifier naming the
     * step a finding was made at); always 0 in free mode.
     */
    public int steps() {
        return steps;
    }

    /**
     * Lets {@code listener} hear every decision of the run (a free run makes none); set it
     * before {@link #run()}. Only a replay needs one, so without it recording a decision
     * costs one more test.
     */
    public void trace(ScheduleTrace listener) {
        trace = listener;
    }

    /**
     * Starts {@code thread} running {@code body} (bound to the thread as its current
     * simulated thread). Controlled: it waits for its first turn; from within a run only
     * the running thread may start others, which keeps the indexes deterministic.
     */
    public Carrier start(Thread thread, Runnable body) {
        Carrier carrier;
        java.lang.Thread carrierThread;
        synchronized (carriers) {
            carrier = new Carrier(this, carriers.size(), thread, isControlled());
            thread.bindCarrier(carrier);
            carrierThread = java.lang.Thread.ofVirtual().name(thread.describe()).unstarted(() -> carrier.main(body));
            carriers.add(carrier);
            javaThreads.add(carrierThread);
            if (!isControlled()) freeAlive++;
        }
        carrierThread.start();
        return carrier;
    }

    /** Runs (controlled) or awaits (free) every started thread to its end, and says how the run ended. */
    public RunResult run() {
        if (!isControlled()) {
            synchronized (carriers) {
                freeRunning = true;
                checkFreeDeadlock();
            }
        }
        if (isControlled() && !carriers.isEmpty()) {
            Carrier first = select(null, PointKind.RUN_START, 0);
            if (first == null) finished.release();
            else first.baton.release();
            finished.acquireUninterruptibly();
        }
        joinAll();
        // Unbound, the threads pass through scheduling points again if code runs as them later.
        for (Carrier carrier : carriers) carrier.thread.bindCarrier(null);
        RunResult.Outcome outcome = kernel.isHalted() ? RunResult.Outcome.BUG_CHECK
                : failure != null ? RunResult.Outcome.FAILED
                : !deadlock.isEmpty() ? RunResult.Outcome.DEADLOCK : RunResult.Outcome.COMPLETED;
        return new RunResult(outcome, hash, Arrays.copyOf(schedule, steps), deadlock, kernel.bugCheck(), failure);
    }

    private void joinAll() {
        for (int i = 0; ; i++) {
            java.lang.Thread carrierThread;
            synchronized (carriers) {
                if (i == javaThreads.size()) return;
                carrierThread = javaThreads.get(i);
            }
            boolean joined = false;
            while (!joined) {
                try {
                    carrierThread.join();
                    joined = true;
                } catch (InterruptedException ignored) {
                    // The run's threads end on their own (or are unwound); keep waiting.
                }
            }
        }
    }

    /**
     * A scheduling point of the running thread {@code at}. A thread whose process has
     * been terminated ends at its next point in user mode: NT delivers the termination
     * on the way back from kernel mode, never in the middle of kernel code.
     */
    void point(Carrier at, PointKind kind, long detail) {
        checkNotAborted();
        if (at.thread.isTerminated() && at.thread.executionMode() == ProcessorMode.UserMode) {
            throw new ThreadStopped(ThreadStopped.PROCESS_TERMINATED);
        }
        Carrier next = select(at, kind, detail);
        if (next != at) switchTo(at, next);
        else checkNotAborted();
    }

    /** {@code at} starts waiting on {@code block}; returns when it is satisfied or timed out. */
    void block(Carrier at, WaitBlock block, Long timeout) {
        at.state = Carrier.State.WAITING;
        at.waiting = block;
        at.deadline = timeout == null ? Long.MAX_VALUE : saturatingAdd(now, Math.abs(timeout));
        Carrier next = select(at, PointKind.BLOCK, block.object.address());
        if (next != at) switchTo(at, next);
        else checkNotAborted();
    }

    /** The last act of a carrier: hands the baton on, or ends the run. */
    void exit(Carrier at) {
        if (!isControlled()) {
            synchronized (carriers) {
                at.state = Carrier.State.DONE;
                freeAlive--;
                checkFreeDeadlock();
            }
            return;
        }
        at.state = Carrier.State.DONE;
        long status = at.exitStatus() == null ? -1 : at.exitStatus().code();
        Carrier next = select(at, PointKind.THREAD_EXIT, status);
        if (next == null) finished.release();
        else next.baton.release();
    }

    /**
     * Free mode: {@code at} waits on {@code block} until it is satisfied, the real-time
     * {@code deadline} passes (System.nanoTime; Long.MAX_VALUE for none), or the run ends.
     */
    void freeWait(Carrier at, WaitBlock block, long deadline) {
        synchronized (carriers) {
            at.state = Carrier.State.WAITING;
            at.waiting = block;
            at.deadline = deadline;
            checkFreeDeadlock();
        }
        try {
            while (block.status() == null) {
                if (aborting || kernel.isHalted()) throw new ThreadStopped(ThreadStopped.RUN_ENDED);
                long slice = FREE_POLL_NANOS;
                if (deadline != Long.MAX_VALUE) {
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0) return;
                    slice = Math.min(slice, remaining);
                }
                LockSupport.parkNanos(block, slice);
            }
        } finally {
            synchronized (carriers) {
                if (at.state == Carrier.State.WAITING) at.state = Carrier.State.RUNNABLE;
                at.waiting = null;
            }
        }
    }

    /**
     * Called with {@code carriers} held: everyone alive waits forever on a wait not yet
     * satisfied, so nobody is left to signal. A waiter whose signal has landed but who
     * has not woken yet does not count as stuck.
     */
    private void checkFreeDeadlock() {
        if (!freeRunning || aborting || freeAlive == 0) return;
        int stuck = 0;
        for (Carrier carrier : carriers) {
            if (carrier.state == Carrier.State.WAITING && carrier.deadline == Long.MAX_VALUE
                    && carrier.waiting != null && carrier.waiting.status() == null) stuck++;
        }
        if (stuck < freeAlive) return;
        List<String> report = new ArrayList<>();
        for (Carrier carrier : carriers) report.add(carrier.describe());
        deadlock = List.copyOf(report);
        aborting = true;
    }

    void fail(Throwable cause) {
        if (failure == null) failure = cause;
        aborting = true;
    }

    void checkNotAborted() {
        if (aborting) throw new ThreadStopped(ThreadStopped.RUN_ENDED);
    }

    private void switchTo(Carrier at, Carrier next) {
        next.baton.release();
        at.baton.acquireUninterruptibly();
        checkNotAborted();
    }

    /** The scheduling decision: who runs after {@code at} (null: nobody is left). */
    private Carrier select(Carrier at, PointKind kind, long detail) {
        if (!aborting && kernel.isHalted()) aborting = true;
        if (aborting) return firstAlive();
        int count = collectRunnable();
        if (count == 0) count = expireTimeouts();
        if (count == 0) {
            if (firstAlive() == null) return null;
            List<String> report = new ArrayList<>();
            for (Carrier carrier : carriers) report.add(carrier.describe());
            deadlock = List.copyOf(report);
            aborting = true;
            return firstAlive();
        }
        int current = at != null && at.state == Carrier.State.RUNNABLE ? at.index : -1;
        int position;
        try {
            position = strategy.choose(steps, runnable, count, current);
            if (position < 0 || position >= count) throw new IllegalStateException("strategy chose " + position + " of " + count);
        } catch (RuntimeException broken) {
            // A replay that diverges, or a faulty strategy: the run ends as a failure rather than hanging.
            fail(broken);
            return firstAlive();
        }
        int chosen = runnable[position];
        record(at == null ? -1 : at.index, kind, detail, chosen);
        return carriers.get(chosen);
    }

    private int collectRunnable() {
        int count = 0;
        for (int i = 0, n = carriers.size(); i < n; i++) {
            if (carriers.get(i).state == Carrier.State.RUNNABLE) {
                if (count == runnable.length) runnable = Arrays.copyOf(runnable, count * 2);
                runnable[count++] = i;
            }
        }
        return count;
    }

    /** Nothing can run: logical time jumps to the earliest deadline and those waits time out. */
    private int expireTimeouts() {
        long earliest = Long.MAX_VALUE;
        for (Carrier carrier : carriers) {
            if (carrier.state == Carrier.State.WAITING) earliest = Math.min(earliest, carrier.deadline);
        }
        if (earliest == Long.MAX_VALUE) return 0;
        now = earliest;
        for (Carrier carrier : carriers) {
            if (carrier.state == Carrier.State.WAITING && carrier.deadline <= now) {
                WaitBlock block = carrier.waiting;
                synchronized (block.object) {
                    block.object.dequeue(block);
                }
                carrier.wake();
            }
        }
        return collectRunnable();
    }

    private Carrier firstAlive() {
        for (Carrier carrier : carriers) if (carrier.state != Carrier.State.DONE) return carrier;
        return null;
    }

    private void record(int at, PointKind kind, long detail, int chosen) {
        int step = steps;
        if (steps == schedule.length) schedule = Arrays.copyOf(schedule, steps * 2);
        schedule[steps++] = chosen;
        long h = hash;
        h = (h ^ steps) * MIX;
        h = (h ^ ((long) at << 40 | (long) kind.ordinal() << 32 | chosen)) * MIX;
        h = (h ^ detail) * MIX;
        hash = h ^ (h >>> 29);
        if (trace != null) {
            try {
                trace.decided(step, at < 0 ? null : carriers.get(at).thread, kind, detail, carriers.get(chosen).thread);
            } catch (RuntimeException broken) {
                // As for a faulty strategy: the run ends as a failure instead of leaving its threads parked.
                fail(broken);
            }
        }
    }

    private static long saturatingAdd(long a, long b) {
        long sum = a + b;
        return sum < a ? Long.MAX_VALUE : sum;
    }
}
