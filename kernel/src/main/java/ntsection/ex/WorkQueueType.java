package ntsection.ex;

/** WORK_QUEUE_TYPE: the queue ExQueueWorkItem appends to; each has its own worker threads. */
public enum WorkQueueType {
    CriticalWorkQueue(2),
    DelayedWorkQueue(1),
    HyperCriticalWorkQueue(1);

    /**
     * How many worker threads may drain the queue at once. NT starts 5, 3 and 1; fewer
     * keep explored schedules short, and two critical workers still let items of one
     * queue run concurrently while starting in FIFO order.
     */
    final int workerThreads;

    WorkQueueType(int workerThreads) {
        this.workerThreads = workerThreads;
    }
}
