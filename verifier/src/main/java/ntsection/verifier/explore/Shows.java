package ntsection.verifier.explore;

import ntsection.vf.Harm;
import ntsection.vf.Violation;

import java.util.regex.Pattern;

/**
 * What makes two runs show "the same" finding: the same rule broken at the same line of
 * driver code, or, for an oracle's finding, the same kind of harm with the same message
 * once numbers (addresses, handle values, counts) are set aside.
 */
final class Shows {
    private static final Pattern NUMBERS = Pattern.compile("0x[0-9a-fA-F]+|\\d+");

    private Shows() {
    }

    static String key(Violation violation) {
        return violation.rule() + "|" + violation.location();
    }

    static String key(Harm harm) {
        return "ORACLE-" + harm.kind() + "|" + NUMBERS.matcher(harm.message()).replaceAll("#");
    }

    /** The violation of {@code outcome} with {@code key}, or null. */
    static Violation violation(Run.Outcome outcome, String key) {
        for (Violation violation : outcome.violations()) if (key(violation).equals(key)) return violation;
        return null;
    }

    /** The harm of {@code outcome} with {@code key}, or null. */
    static Harm harm(Run.Outcome outcome, String key) {
        for (Harm harm : outcome.harms()) if (key(harm).equals(key)) return harm;
        return null;
    }
}
