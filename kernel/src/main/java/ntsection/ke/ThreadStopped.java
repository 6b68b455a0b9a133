package ntsection.ke;

/**
 * Unwinds a simulated thread that must stop: its controlled run has ended under it (a
 * bug-check elsewhere, a deadlock, a failure), or its process was terminated. An
 * Error, so that no try/except in driver code catches it.
 */
public final class ThreadStopped extends Error {
    static final String RUN_ENDED = "the controlled run has ended";
    static final String PROCESS_TERMINATED = "the thread's process has been terminated";

    ThreadStopped(String why) {
        super(why, null, false, false);
    }
}
