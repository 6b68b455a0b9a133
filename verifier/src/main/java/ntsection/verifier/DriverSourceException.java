package ntsection.verifier;

/**
 * A {@code --driver} argument or class path that names no driver ntsection can load. The
 * message is one line for the user: what was given, what is wrong with it.
 */
public final class DriverSourceException extends Exception {
    public DriverSourceException(String message) {
        super(message);
    }

    /** A throwable the user's code raised, for a message: its class and its own message, no stack. */
    static String describe(Throwable thrown) {
        String name = thrown.getClass().getSimpleName();
        return thrown.getMessage() == null ? name : name + ": " + thrown.getMessage();
    }
}
