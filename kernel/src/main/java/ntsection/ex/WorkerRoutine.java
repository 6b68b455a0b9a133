package ntsection.ex;

/** WORKER_THREAD_ROUTINE: kernel code a system worker thread calls with the item's parameter. */
@FunctionalInterface
public interface WorkerRoutine {
    void run(Object parameter);
}
