package ntsection.vf;

/**
 * A rule broken while the model ran, whether or not an attack profited: which rule, what
 * happened in the protocol's terms, the driver frame that did it, the process and thread
 * it ran in, the object involved, and the scheduling step it happened at.
 *
 * @param frame the innermost frame of driver code (not the executive's) on the stack, or null when none
 * @param step  the number of scheduling points the run had passed, -1 outside a controlled run
 */
public record Violation(Rule rule, String message, StackTraceElement frame, String process, String thread,
                        String object, long step) {

    /** "Class.method(File.java:line)", or "(no driver frame)". */
    public String location() {
        return frame == null ? "(no driver frame)" : frame.toString();
    }

    @Override
    public String toString() {
        return rule + " " + rule.shortName() + ": " + message + " at " + location();
    }
}
