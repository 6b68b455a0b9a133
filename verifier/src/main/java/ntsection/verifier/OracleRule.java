package ntsection.verifier;

import ntsection.vf.Harm;

/**
 * The oracles every run is judged by, as reports cite them next to the rules SV1..SV10:
 * a finding an oracle made has no rule, only the kind of harm it saw, and is reported
 * under one of these ids ("ORACLE-bug-check"...). One constant per {@link Harm.Kind}.
 */
public enum OracleRule {
    LEAK(Harm.Kind.LEAK, "Leak",
            "Nothing a driver or a process took is left once every process has exited and every driver unloaded.",
            "an object, a kernel handle, a page frame or commit charge outlived everyone who could release it"),
    BUG_CHECK(Harm.Kind.BUG_CHECK, "BugCheck",
            "The system never bug-checks.",
            "the system stopped with a bug-check"),
    USE_AFTER_FREE(Harm.Kind.USE_AFTER_FREE, "UseAfterFree",
            "No code uses an object after it was deleted.",
            "code took or dropped a reference on an object already deleted"),
    HANDLE_STOLEN(Harm.Kind.HANDLE_STOLEN, "HandleStolen",
            "No attacker uses or closes a handle that driver code made in the attacker's table for the driver's own use.",
            "an attacker's user-mode code used or closed a handle driver code had made and used"),
    SECRET_LEAKED(Harm.Kind.SECRET_LEAKED, "SecretLeaked",
            "No attacker reads or writes a secret planted in kernel-private memory or in another process.",
            "an attacker's user-mode code touched a planted canary");

    private final Harm.Kind kind;
    private final String pascalName;
    private final String rule;
    private final String flaggedWhen;

    OracleRule(Harm.Kind kind, String pascalName, String rule, String flaggedWhen) {
        this.kind = kind;
        this.pascalName = pascalName;
        this.rule = rule;
        this.flaggedWhen = flaggedWhen;
    }

    /** The oracle for a harm label ("bug-check", "secret leaked", ...), or IllegalArgumentException. */
    public static OracleRule forHarm(String label) {
        for (OracleRule oracle : values()) if (oracle.kind.label().equals(label)) return oracle;
        throw new IllegalArgumentException("unknown harm " + label + "; one of " + java.util.Arrays.stream(values())
                .map(OracleRule::harm).toList());
    }

    public static OracleRule forHarm(Harm.Kind kind) {
        for (OracleRule oracle : values()) if (oracle.kind == kind) return oracle;
        throw new IllegalArgumentException("no oracle rule for harm " + kind);
    }

    /** The harm label as {@link Harm.Kind#label()} has it, e.g. "use after free". */
    public String harm() {
        return kind.label();
    }

    public Harm.Kind kind() {
        return kind;
    }

    /** "ORACLE-" and the harm label with dashes for spaces, e.g. "ORACLE-use-after-free". */
    public String id() {
        return "ORACLE-" + kind.label().replace(' ', '-');
    }

    /** The name SARIF viewers show, e.g. "UseAfterFree". */
    public String pascalName() {
        return pascalName;
    }

    /** What the oracle holds every run to. */
    public String rule() {
        return rule;
    }

    /** What the oracle sees when it fires. */
    public String flaggedWhen() {
        return flaggedWhen;
    }
}
