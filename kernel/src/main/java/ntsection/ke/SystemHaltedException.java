package ntsection.ke;

/** A call into a system that has already bug-checked. */
public final class SystemHaltedException extends IllegalStateException {
    public SystemHaltedException(BugCheck bugCheck) {
        super("the system has bug-checked (" + bugCheck.describe() + ") and accepts no further calls");
    }
}
