package ntsection.script;

import ntsection.nt.NtStatus;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static ntsection.script.Token.Kind.*;

/**
 * Turns script text into steps. It knows the shape of lines only; whether a call,
 * a name or an argument exists is the {@link Compiler}'s business.
 */
public final class Parser {
    static final String DATA = "data";

    private final String file;
    private int line;
    private String text;
    private List<Token> tokens;
    private int next;

    private Parser(String file) {
        this.file = file;
    }

    /** The steps of a script; {@code file} names it in error messages. */
    public static List<Step> parse(String file, String source) throws ScriptError {
        Parser parser = new Parser(file);
        List<Step> steps = new ArrayList<>();
        String[] lines = source.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Step step = parser.parseLine(i + 1, lines[i]);
            if (step != null) steps.add(step);
        }
        return steps;
    }

    private Step parseLine(int number, String source) throws ScriptError {
        line = number;
        text = source;
        tokens = Lexer.tokenize(file, number, source);
        next = 0;
        Token first = peek();
        if (first.is(END)) return null;
        if (first.is(AT)) return invoke();
        if (first.isWord("process")) return createProcess();
        if (first.isWord("exit")) return exitProcess();
        if (first.isWord("driver")) return loadDriver();
        throw expected("a step (process, exit, driver or @CONTEXT CALL(...))", first);
    }

    private Step createProcess() throws ScriptError {
        take();
        String name = identifier("a process name after 'process'");
        boolean trusted = false;
        if (peek().isWord("trusted")) {
            take();
            trusted = true;
        }
        String parent = null;
        if (peek().isWord("parent")) {
            take();
            Token equals = take();
            if (!equals.is(EQUALS)) throw expected("'=' after 'parent'", equals);
            parent = identifier("a process name after 'parent='");
        }
        end("the end of the line after the process name (or 'trusted', or 'parent=NAME')");
        return new Step.CreateProcess(line, statementText(), name, trusted, parent);
    }

    private Step exitProcess() throws ScriptError {
        take();
        String name = identifier("a process name after 'exit'");
        end("the end of the line after the process name");
        return new Step.ExitProcess(line, statementText(), name);
    }

    private Step loadDriver() throws ScriptError {
        take();
        Token name = take();
        if (!name.is(WORD)) throw expected("a driver name after 'driver'", name);
        end("the end of the line after the driver name");
        return new Step.LoadDriver(line, statementText(), name.text());
    }

    private Step invoke() throws ScriptError {
        take();
        ContextName context = context();
        String first = identifier("a call (or NAME = CALL) after " + context.shown());
        String binding = null;
        String call = first;
        if (peek().is(EQUALS)) {
            take();
            binding = first;
            call = identifier("a call after '" + binding + " ='");
        }
        Map<String, Expr> arguments = arguments(call);
        Expectation expectation = new Expectation.Success();
        int textEnd = peek().column();
        if (peek().is(ARROW)) {
            take();
            expectation = outcome();
        }
        end("'->' or the end of the line after the call");
        return new Step.Invoke(line, text.substring(0, textEnd).trim(), context, binding, call, arguments, expectation);
    }

    private ContextName context() throws ScriptError {
        String first = identifier("a context after '@' (a process name, kernel, kernel:NAME or guarded:NAME)");
        boolean qualified = peek().is(COLON);
        if (qualified) take();
        if (first.equals(ContextName.KERNEL)) {
            if (!qualified) return new ContextName(ContextName.Kind.SYSTEM_THREAD, null, false);
            return new ContextName(ContextName.Kind.DISPATCH, identifier("a process name after '@kernel:'"), false);
        }
        if (first.equals(ContextName.GUARDED)) {
            if (!qualified) throw expected("':' and a process name or kernel after '@guarded'", peek());
            String inner = identifier("a process name or kernel after '@guarded:'");
            return inner.equals(ContextName.KERNEL)
                    ? new ContextName(ContextName.Kind.SYSTEM_THREAD, null, true)
                    : new ContextName(ContextName.Kind.DISPATCH, inner, true);
        }
        if (qualified) {
            throw new ScriptError(file, line, "expected a call after '@" + first + "'; kernel mode in " + first
                    + "'s thread is written @kernel:" + first);
        }
        return new ContextName(ContextName.Kind.USER, first, false);
    }

    private Map<String, Expr> arguments(String call) throws ScriptError {
        Token open = take();
        if (!open.is(LEFT)) throw expected("'(' after " + call, open);
        Map<String, Expr> arguments = new LinkedHashMap<>();
        if (peek().is(RIGHT)) {
            take();
            return arguments;
        }
        while (true) {
            String key = identifier("an argument name (key=value)");
            Token equals = take();
            if (!equals.is(EQUALS)) throw expected("'=' after the argument name " + key, equals);
            Expr value = key.equals(DATA) ? data() : value();
            if (arguments.put(key, value) != null) {
                throw new ScriptError(file, line, "argument " + key + " is given twice");
            }
            Token separator = take();
            if (separator.is(RIGHT)) return arguments;
            if (!separator.is(COMMA)) throw expected("',' or ')' after the value of " + key, separator);
        }
    }

    private Expectation outcome() throws ScriptError {
        Token word = take();
        if (word.isWord("bugcheck")) {
            Long code = null;
            if (peek().is(WORD)) code = bugCheckCode(take());
            return new Expectation.BugCheck(code);
        }
        if (!word.is(WORD)) throw expected("a status name or bugcheck after '->'", word);
        NtStatus status = NtStatus.byName(word.text());
        if (status == null) throw new ScriptError(file, line, "unknown status " + word.text() + " after '->'");
        List<Expectation.Field> fields = new ArrayList<>();
        while (peek().is(WORD)) {
            String name = take().text();
            Token equals = take();
            if (!equals.is(EQUALS)) throw expected("'=' after the output name " + name, equals);
            fields.add(new Expectation.Field(name, name.equals(DATA) ? data() : value()));
        }
        return new Expectation.Status(status, fields);
    }

    private long bugCheckCode(Token token) throws ScriptError {
        if (Character.isDigit(token.text().charAt(0))) return number(token);
        Long code = Constants.bugCheckCode(token.text());
        if (code == null) throw new ScriptError(file, line, "unknown bug-check code " + token.text());
        return code;
    }

    private Expr value() throws ScriptError {
        List<Expr> terms = new ArrayList<>();
        terms.add(term());
        while (peek().is(BAR)) {
            take();
            terms.add(term());
        }
        return terms.size() == 1 ? terms.getFirst() : new Expr.Flags(terms);
    }

    private Expr term() throws ScriptError {
        Token token = take();
        if (token.is(STRING)) return new Expr.Text(token.text());
        if (!token.is(WORD)) throw expected("a value (a number, a constant, a name, a string or null)", token);
        if (token.text().equals("null")) return new Expr.Null();
        if (Character.isDigit(token.text().charAt(0))) return new Expr.Number(number(token));
        checkIdentifier(token);
        String field = null;
        if (peek().is(DOT)) {
            take();
            field = identifier("an output name after '" + token.text() + ".'");
        }
        long offset = 0;
        if (peek().is(PLUS)) {
            take();
            Token amount = take();
            if (!amount.is(WORD) || !Character.isDigit(amount.text().charAt(0))) {
                throw expected("a number after '+'", amount);
            }
            offset = number(amount);
        }
        return new Expr.Name(token.text(), field, offset);
    }

    private Expr data() throws ScriptError {
        Token token = take();
        String digits = token.text();
        if (!token.is(WORD) || digits.length() % 2 != 0 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw expected("bytes as hex digits, two a byte, no 0x (data=01020304)", token);
        }
        return new Expr.Data(HexFormat.of().parseHex(digits));
    }

    private long number(Token token) throws ScriptError {
        String digits = token.text();
        try {
            if (digits.startsWith("0x") || digits.startsWith("0X")) return Long.parseUnsignedLong(digits.substring(2), 16);
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw expected("a decimal or 0x hex number that fits in 64 bits", token);
        }
    }

    private String identifier(String what) throws ScriptError {
        Token token = take();
        if (!token.is(WORD) || Character.isDigit(token.text().charAt(0))) throw expected(what, token);
        checkIdentifier(token);
        return token.text();
    }

    private void checkIdentifier(Token token) throws ScriptError {
        if (token.text().contains("-")) {
            throw new ScriptError(file, line, "'" + token.text() + "' is not a name: names are letters, digits and underscores");
        }
    }

    private void end(String what) throws ScriptError {
        Token token = take();
        if (!token.is(END)) throw expected(what, token);
    }

    private String statementText() {
        return text.substring(0, tokens.getLast().column()).trim();
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token token = tokens.get(next);
        if (!token.is(END)) next++;
        return token;
    }

    private ScriptError expected(String what, Token found) {
        return new ScriptError(file, line, "expected " + what + ", found " + found.shown());
    }
}
