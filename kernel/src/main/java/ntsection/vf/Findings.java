package ntsection.vf;

import ntsection.ke.SchedulingPoint;
import ntsection.ob.KernelObject;
import ntsection.ps.Thread;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The violations found so far, one per rule, code location and object: a loop that
 * breaks a rule a thousand times at one line on one view is one finding.
 */
final class Findings {
    private final List<Violation> violations = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    /** A violation as it would be reported now by {@code thread}, not yet recorded. */
    static Violation make(Rule rule, String message, StackTraceElement frame, Thread thread, String object) {
        return new Violation(rule, message, frame, thread.currentProcess().describe(), thread.describe(), object,
                SchedulingPoint.step(thread));
    }

    /** How reports name an object: its description and its address, which tells two unnamed sections apart. */
    static String name(KernelObject object) {
        return object.describe() + " at 0x" + Long.toHexString(object.address());
    }

    void add(Violation violation) {
        String key = violation.rule() + "|" + violation.location() + "|" + violation.object();
        if (seen.add(key)) violations.add(violation);
    }

    void report(Rule rule, String message, StackTraceElement frame, Thread thread, String object) {
        add(make(rule, message, frame, thread, object));
    }

    /** Whether {@code rule} was already found broken on {@code object} (as {@link #name} names it). */
    boolean has(Rule rule, String object) {
        for (Violation violation : violations) if (violation.rule() == rule && object.equals(violation.object())) return true;
        return false;
    }

    List<Violation> all() {
        return List.copyOf(violations);
    }

    void clear() {
        violations.clear();
        seen.clear();
    }
}
