package ntsection.script;

import java.util.Map;

/** One line of a script as parsed, with its line number and the text it is printed with. */
sealed interface Step {
    int line();

    /** The line without its comment and its expectation. */
    String text();

    record CreateProcess(int line, String text, String name, boolean trusted) implements Step {
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
