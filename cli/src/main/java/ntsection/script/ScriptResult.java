package ntsection.script;

/** How many steps (and invariant checks) of a script passed and failed. */
public record ScriptResult(int passed, int failed) {

    public ScriptResult plus(ScriptResult other) {
        return new ScriptResult(passed + other.passed, failed + other.failed);
    }

    /** "5 passed, 1 failed". */
    public String shown() {
        return passed + " passed, " + failed + " failed";
    }
}
