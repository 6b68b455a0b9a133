package ntsection.ke;

/**
 * Thrown through a simulated thread when the system bug-checks. It is an Error so that
 * no driver's try/except (which catches only raised NT exceptions) can swallow it.
 */
public final class BugCheckError extends Error {
    private final BugCheck bugCheck;

    public BugCheckError(BugCheck bugCheck) {
        super("bug-check " + bugCheck.describe(), null, false, false);
        this.bugCheck = bugCheck;
    }

    public BugCheck bugCheck() {
        return bugCheck;
    }
}
