package ntsection.script;

import java.util.List;

/** An argument or expected value as written; what names mean is decided when it is checked and evaluated. */
sealed interface Expr {
    /** A decimal or 0x hex literal. */
    record Number(long value) implements Expr {
    }

    /** A double-quoted string, backslashes literal. */
    record Text(String value) implements Expr {
    }

    /** {@code null}: a null pointer, no name, no type. */
    record Null() implements Expr {
    }

    /** Hex bytes of a {@code data} argument or output. */
    record Data(byte[] bytes) implements Expr {
    }

    /**
     * A name: an NT constant, an object type, a process, or a bound name, optionally
     * with one of its outputs ({@code NAME.FIELD}, field null when absent) and an
     * offset ({@code NAME+N}).
     */
    record Name(String name, String field, long offset) implements Expr {
    }

    /** {@code A|B|...}: flags or-ed together. */
    record Flags(List<Expr> terms) implements Expr {
    }
}
