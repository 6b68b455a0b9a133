package ntsection.drivers.demo;

import ntsection.vf.Harm;

import java.util.List;

/**
 * What a demo cell shows: the attack was blocked, or the worst harm it did. A cell with
 * several harms is named after its cause before its consequences: a stolen handle or a
 * deleted object in use explains the secret or the bug-check that follows.
 */
public enum Verdict {
    BLOCKED("blocked"),
    HANDLE_STOLEN("handle stolen"),
    USE_AFTER_FREE("use after free"),
    SECRET_LEAKED("secret leaked"),
    BUG_CHECK("bug-check"),
    LEAK("leak");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Verdict of(Harm.Kind kind) {
        return switch (kind) {
            case HANDLE_STOLEN -> HANDLE_STOLEN;
            case USE_AFTER_FREE -> USE_AFTER_FREE;
            case SECRET_LEAKED -> SECRET_LEAKED;
            case BUG_CHECK -> BUG_CHECK;
            case LEAK -> LEAK;
        };
    }

    /** The verdict of a run that did {@code harms}: the first in this enum's order, or BLOCKED. */
    public static Verdict of(List<Harm> harms) {
        Verdict worst = BLOCKED;
        for (Harm harm : harms) {
            Verdict verdict = of(harm.kind());
            if (worst == BLOCKED || verdict.ordinal() < worst.ordinal()) worst = verdict;
        }
        return worst;
    }
}
