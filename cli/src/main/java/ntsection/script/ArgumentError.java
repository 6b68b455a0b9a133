package ntsection.script;

/**
 * A step whose arguments cannot be made at run time, usually because an earlier step
 * failed (a name bound to no object, a process whose object is gone). The step is
 * reported as not run and counts as failed; the script goes on.
 */
public final class ArgumentError extends RuntimeException {
    public ArgumentError(String message) {
        super(message, null, false, false);
    }
}
