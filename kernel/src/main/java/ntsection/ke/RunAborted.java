package ntsection.ke;

/**
 * Unwinds a simulated thread whose run has ended under it (a bug-check elsewhere, a
 * deadlock, a failure). An Error, so that no try/except in driver code catches it.
 */
public final class RunAborted extends Error {
    RunAborted() {
        super("the controlled run has ended", null, false, false);
    }
}
