package ntsection.vf;

/**
 * The protocol's rules, as the verifier checks them and reports cite them: a stable id,
 * a short name, the rule in the protocol's words, and when the check flags it.
 */
public enum Rule {
    SV1("kernel-handle", "A driver opens the section handles it keeps for itself as kernel handles.",
            "a driver made a section handle in a user process's table and used it itself"),
    SV2("system-thread-map", "A view the driver keeps to itself is mapped only from a system thread.",
            "a driver mapped a view of a section it never shares into a process other than System"),
    SV3("driver-creates", "The driver, not the user process, creates the sections it shares.",
            "a driver mapped or handed out a section that user mode created"),
    SV4("requestor-context", "A view shared with a caller is mapped in the caller's context, by a highest-level driver's dispatch routine.",
            "a view meant for the requestor was mapped into another process"),
    SV5("guarded-access", "Every driver access to a view user mode can see is inside try/except.",
            "kernel-mode code touched user memory outside a guard"),
    SV6("validate", "The driver validates what it reads from a shared view and fetches each value once.",
            "a driver read the same user-visible location twice in one request"),
    SV7("no-user-handle", "A driver never trusts a handle that came from user mode.",
            "a driver referenced a user-table handle with kernel access mode"),
    SV8("reference-before-share", "Before a section handle goes to user mode, the driver holds its own pointer reference.",
            "a driver put a section handle in a user table without holding a reference of its own"),
    SV9("dereference", "The driver releases that reference when it is done.",
            "a driver still held references at cleanup or unload"),
    SV10("physical-memory", "\\Device\\PhysicalMemory reaches only trusted processes.",
            "a handle to or a view of physical memory reached an untrusted process");

    private final String shortName;
    private final String rule;
    private final String flaggedWhen;

    Rule(String shortName, String rule, String flaggedWhen) {
        this.shortName = shortName;
        this.rule = rule;
        this.flaggedWhen = flaggedWhen;
    }

    /** The rule's name after its id, e.g. "kernel-handle". */
    public String shortName() {
        return shortName;
    }

    /** The rule in the protocol's words. */
    public String rule() {
        return rule;
    }

    /** What the running check sees when the rule is broken. */
    public String flaggedWhen() {
        return flaggedWhen;
    }
}
