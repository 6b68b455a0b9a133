package ntsection.drivers.demo;

import ntsection.vf.Harm;

import java.util.List;

/**
 * What a demo cell shows: the attack was blocked, or the worst harm it did. A cell with
 * several harms is named after its cause before its consequences: a stolen handle or a
 * deleted object in use explains the secret or the bug-check that follows.
 */
public enum Verdict {
    BLOCKED(null),
    HANDLE_STOLEN(Harm.Kind.HANDLE_STOLEN),
    USE_AFTER_FREE(Harm.Kind.USE_AFTER_FREE),
    SECRET_LEAKED(Harm.Kind.SECRET_LEAKED),
    BUG_CHECK(Harm.Kind.BUG_CHECK),
    LEAK(Harm.Kind.LEAK);

    private final Harm.Kind kind;

    Verdict(Harm.Kind kind) {
        this.kind = kind;
    }

    public String label() {
        return kind == null ? "blocked" : kind.label();
    }

    /** The verdict of a run that did {@code harms}: the first in this enum's order, or BLOCKED. */
    public static Verdict of(List<Harm> harms) {
        for (Verdict verdict : values()) {
            if (verdict != BLOCKED && harms.stream().anyMatch(harm -> harm.kind() == verdict.kind)) return verdict;
        }
        return BLOCKED;
    }
}
