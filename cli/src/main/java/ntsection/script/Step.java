package ntsection.script;

import java.util.Map;

/** One line of a script as parsed, with its line number and the text it is printed with. */
sealed interface Step {
    int line();

    /** The line without its comment and its expectation. */
    String text();

    /** {@code process NAME [trusted] [parent=OTHER]}; parent is null when none is given. */
    record CreateProcess(int line, String text, String name, boolean trusted, String parent) implements Step {
    }

    record ExitProcess(int line, String text, String name) implements Step {
    }

    record LoadDriver(int line, String text, String name) implements Step {
    }

    /** {@code @CONTEXT [NAME =] CALL(key=value, ...) [-> OUTCOME]}; binding is null when nothing is bound. */
    record Invoke(int line, String text, ContextName context, String binding, String call,
                  Map<String, Expr> arguments, Expectation expectation) implements Step {
    }
}
