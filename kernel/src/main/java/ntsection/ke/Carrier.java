package ntsection.ke;

import ntsection.nt.NtStatus;
import ntsection.ps.Thread;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * The Java virtual thread that carries one simulated thread, its scheduling state and
 * the objects it owns (abandoned when it ends). Under a controlled scheduler it runs
 * only while it holds its baton; the scheduler's fields are touched only by the baton
 * holder, and the semaphore hand-off orders them.
 */
public final class Carrier {
    enum State { RUNNABLE, WAITING, DONE }

    final Scheduler scheduler;
    final boolean controlled;
    final int index;
    final Thread thread;
    final Semaphore baton = new Semaphore(0);
    State state = State.RUNNABLE;
    WaitBlock waiting;
    long deadline;
    private volatile NtStatus exitStatus;
    private final List<DispatcherObject> owned = new ArrayList<>();

    Carrier(Scheduler scheduler, int index, Thread thread, boolean controlled) {
        this.scheduler = scheduler;
        this.controlled = controlled;
        this.index = index;
        this.thread = thread;
    }

    /** The simulated thread this carrier runs. */
    public Thread thread() {
        return thread;
    }

    /** The position in the run: what schedules name. */
    public int index() {
        return index;
    }

    /**
     * How the thread's program ended: STATUS_SUCCESS, or the exception that escaped it;
     * null while it runs, and for a thread that was stopped (see {@link ThreadStopped}).
     */
    public NtStatus exitStatus() {
        return exitStatus;
    }

    void wake() {
        if (state != State.WAITING) return;
        state = State.RUNNABLE;
        waiting = null;
    }

    synchronized void took(DispatcherObject object) {
        owned.add(object);
    }

    synchronized void gaveUp(DispatcherObject object) {
        owned.remove(object);
    }

    private synchronized List<DispatcherObject> takeOwned() {
        List<DispatcherObject> objects = List.copyOf(owned);
        owned.clear();
        return objects;
    }

    void main(Runnable body) {
        NtStatus status = NtStatus.STATUS_SUCCESS;
        try {
            if (controlled) {
                baton.acquireUninterruptibly();
                scheduler.checkNotAborted();
            }
            CurrentThread.runAs(thread, () -> {
                body.run();
                return null;
            });
        } catch (NtException exception) {
            // A fault user code does not handle ends its thread, never the system.
            status = exception.status();
        } catch (ThreadStopped | BugCheckError | SystemHaltedException stopped) {
            // The run or the process manager records why; this thread only stops.
            status = null;
        } catch (Throwable failure) {
            status = null;
            scheduler.fail(failure);
        } finally {
            for (DispatcherObject object : takeOwned()) object.abandon(thread);
            exitStatus = status;
            scheduler.exit(this);
        }
    }

    String describe() {
        String who = "#" + index + " " + thread.describe();
        return switch (state) {
            case RUNNABLE -> who + ": runnable";
            case DONE -> who + ": ended";
            case WAITING -> who + ": waits on " + waiting.object.describe() + " (" + waiting.object.describeState() + ")"
                    + (deadline == Long.MAX_VALUE ? ", no timeout" : ", timeout at " + deadline);
        };
    }
}
