package ntsection.script;

/**
 * A keyword argument of a call. An omitted argument takes {@code fallback} when there
 * is one, else zero or null: the value NT code passes most often.
 */
public record Parameter(String name, ArgumentKind kind, Expr fallback) {
}
