package ntsection.verifier.json;

/**
 * JSON text that is not JSON (then {@link #line()} and {@link #column()} say where), or
 * JSON that is not the shape a reader expected (then they are 0 and the message names
 * the member, as a path like {@code $.finding.seed}).
 */
public final class JsonException extends RuntimeException {
    private final int line;
    private final int column;

    public JsonException(String message) {
        super(message);
        this.line = 0;
        this.column = 0;
    }

    public JsonException(String message, int line, int column) {
        super(message + " at line " + line + ", column " + column);
        this.line = line;
        this.column = column;
    }

    /** 1-based line of a syntax error, 0 for a shape error. */
    public int line() {
        return line;
    }

    /** 1-based column (in UTF-16 units) of a syntax error, 0 for a shape error. */
    public int column() {
        return column;
    }
}
