package ntsection.script;

/**
 * Who runs a step, as written after {@code @}: a process's user-mode thread, the
 * system worker thread, a dispatch routine in a process's thread, and the guarded
 * (try/except) forms of the two kernel ones.
 */
record ContextName(Kind kind, String process, boolean guarded) {
    enum Kind { USER, SYSTEM_THREAD, DISPATCH }

    static final String KERNEL = "kernel";
    static final String GUARDED = "guarded";

    boolean isKernel() {
        return kind != Kind.USER;
    }

    /** As written in a script: "@alice", "@kernel", "@kernel:alice", "@guarded:kernel". */
    String shown() {
        String prefix = guarded ? "@" + GUARDED + ":" : "@";
        return switch (kind) {
            case USER -> "@" + process;
            case SYSTEM_THREAD -> prefix + KERNEL;
            case DISPATCH -> prefix + (guarded ? process : KERNEL + ":" + process);
        };
    }
}
