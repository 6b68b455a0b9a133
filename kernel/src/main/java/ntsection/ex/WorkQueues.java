package ntsection.ex;

import ntsection.ke.BugCheckCodes;
import ntsection.ke.CurrentThread;
import ntsection.ke.Kernel;
import ntsection.ps.Thread;
import ntsection.vf.VerifierHooks;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * ExQueueWorkItem and the system worker threads (ex/work.c). Each queue type has its
 * own FIFO and up to {@link WorkQueueType#workerThreads} workers: threads of the System
 * process, previous mode kernel, so a routine runs with PsGetCurrentProcess() the
 * System process, sees the System process's (empty) user range, and can use only
 * kernel handles. Workers start lazily, under whatever scheduler the executive has,
 * when a queue holds more items than it has workers; a worker ends when its queue is
 * empty, as NT's dynamic workers end once idle. Ending rather than waiting for more
 * is what lets a controlled run finish instead of ending in a deadlock of idle
 * workers. An exception escaping a routine bug-checks 0x7E, as in any system thread.
 *
 * <p>IRQL is not modelled, so WORKER_THREAD_RETURNED_AT_BAD_IRQL (0xE1) cannot happen.
 */
public final class WorkQueues {
    private final Kernel kernel;
    private final Function<Runnable, Thread> startSystemThread;
    private final Map<WorkQueueType, Queue> queues = new EnumMap<>(WorkQueueType.class);

    /** @param startSystemThread PsCreateSystemThread under the executive's scheduler */
    public WorkQueues(Kernel kernel, Function<Runnable, Thread> startSystemThread) {
        this.kernel = kernel;
        this.startSystemThread = startSystemThread;
        for (WorkQueueType type : WorkQueueType.values()) queues.put(type, new Queue(type.workerThreads));
    }

    private static final class Queue {
        final ArrayDeque<WorkQueueItem> items = new ArrayDeque<>();
        final int maximumWorkers;
        int workers;

        Queue(int maximumWorkers) {
            this.maximumWorkers = maximumWorkers;
        }
    }

    /**
     * ExQueueWorkItem: appends the item to its queue. A routine at a user-mode address
     * is bug-check WORKER_INVALID (1, item, routine, 0); the model gives pool blocks no
     * addresses, so the item parameter is 0. Queuing an item that is still queued is
     * what the checked build's ASSERT catches: the model refuses it as a scenario bug.
     */
    public void exQueueWorkItem(WorkQueueItem item, WorkQueueType type) {
        kernel.checkRunning();
        if (item.routineIsUserCode()) throw kernel.keBugCheckEx(BugCheckCodes.WORKER_INVALID, 1, 0, item.userRoutine, 0);
        VerifierHooks hooks = kernel.hooks();
        if (hooks != VerifierHooks.NONE) hooks.workItemQueued(CurrentThread.get(), item);
        Queue queue = queues.get(type);
        boolean startWorker;
        synchronized (queue) {
            synchronized (item) {
                if (item.queued) throw new IllegalStateException("ExQueueWorkItem of an item already queued");
                item.queued = true;
            }
            queue.items.addLast(item);
            startWorker = queue.workers < queue.maximumWorkers && queue.workers < queue.items.size();
            if (startWorker) queue.workers++;
        }
        if (startWorker) startSystemThread.apply(() -> drain(queue));
    }

    /** Waits until no worker is left on any queue: every item queued so far has run. */
    public void awaitIdle() {
        for (Queue queue : queues.values()) {
            while (true) {
                synchronized (queue) {
                    if (queue.workers == 0) break;
                }
                java.lang.Thread.onSpinWait();
                java.lang.Thread.yield();
            }
        }
    }

    /** A worker's loop: items in order until none is left. The item is off the queue before its routine runs, so the routine may queue it again. */
    private void drain(Queue queue) {
        while (true) {
            WorkQueueItem item;
            synchronized (queue) {
                item = queue.items.pollFirst();
                if (item == null) {
                    queue.workers--;
                    return;
                }
                synchronized (item) {
                    item.queued = false;
                }
            }
            run(item);
        }
    }

    /** The item's routine, told to a verifier around it. */
    private void run(WorkQueueItem item) {
        VerifierHooks hooks = kernel.hooks();
        if (hooks == VerifierHooks.NONE) {
            item.routine.run(item.parameter);
            return;
        }
        Thread thread = CurrentThread.get();
        hooks.workItemStarted(thread, item);
        try {
            item.routine.run(item.parameter);
        } finally {
            hooks.workItemFinished(thread, item);
        }
    }
}
