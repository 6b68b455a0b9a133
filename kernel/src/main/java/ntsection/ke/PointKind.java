package ntsection.ke;

/** Where a simulated thread may lose the processor to another under a controlled scheduler. */
public enum PointKind {
    SERVICE_ENTRY,
    SERVICE_EXIT,
    USER_MEMORY,
    WAIT,
    SIGNAL,
    YIELD,
    /** Decisions that are not the thread's own points: the run's first pick, a wait that blocks, a thread's end. */
    RUN_START,
    BLOCK,
    THREAD_EXIT
}
