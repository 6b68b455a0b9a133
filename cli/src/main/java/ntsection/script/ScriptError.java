package ntsection.script;

/**
 * A script the runner cannot accept: a line it cannot parse, or a step that names
 * something that does not exist. Reported as "FILE:LINE: message" and exit code 2.
 */
public final class ScriptError extends Exception {
    private final String file;
    private final int line;

    public ScriptError(String file, int line, String message) {
        super(message);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    /** "handles.nts:7: expected ')' after the arguments, found 'x'". */
    public String describe() {
        return file + ":" + line + ": " + getMessage();
    }
}
