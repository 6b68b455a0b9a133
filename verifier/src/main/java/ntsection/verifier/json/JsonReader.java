package ntsection.verifier.json;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON text (RFC 8259) into plain Java values: objects as insertion-ordered
 * {@code Map<String, Object>}, arrays as {@code List<Object>} (both unmodifiable),
 * strings, {@code true}/{@code false} as Boolean, {@code null} as null, integers as Long
 * (BigInteger past Long's range) and numbers with a fraction or exponent as Double.
 *
 * <p>Strict where it costs nothing: one value and only whitespace around it, no
 * trailing commas, no leading zeros, no raw control characters in strings, exactly four
 * hex digits in a {@code \}{@code u} escape, and no name twice in one object (RFC 8259
 * leaves duplicates to the reader; ours are never written, so a duplicate is an error).
 * Nesting deeper than {@value #MAX_DEPTH} is refused instead of overflowing the stack.
 */
public final class JsonReader {
    /** The deepest nesting of arrays and objects accepted. */
    public static final int MAX_DEPTH = 512;

    private final String text;
    private int position;
    private int depth;

    private JsonReader(String text) {
        this.text = text;
    }

    /** The one JSON value in {@code text}; JsonException, with line and column, if it is not JSON. */
    public static Object read(String text) {
        JsonReader reader = new JsonReader(text);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') reader.position = 1; // a byte order mark, as RFC 8259 allows a reader to ignore
        reader.whitespace();
        Object value = reader.value();
        reader.whitespace();
        if (reader.position < text.length()) throw reader.error("text after the JSON value");
        return value;
    }

    /** The one JSON object in {@code text}, wrapped for typed access. */
    public static JsonObject readObject(String text) {
        return JsonObject.of(read(text), "$");
    }

    private Object value() {
        if (position >= text.length()) throw error("end of text where a value was expected");
        char c = text.charAt(position);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) yield number();
                throw error("unexpected " + describe(c) + " where a value was expected");
            }
        };
    }

    private Map<String, Object> object() {
        enter();
        position++; // {
        Map<String, Object> members = new LinkedHashMap<>();
        whitespace();
        if (peek() == '}') {
            position++;
            depth--;
            return Collections.unmodifiableMap(members);
        }
        while (true) {
            whitespace();
            if (peek() != '"') throw error("expected a member name in quotes");
            int nameAt = position;
            String name = string();
            whitespace();
            expect(':');
            whitespace();
            Object value = value();
            if (members.containsKey(name)) {
                position = nameAt;
                throw error("the name " + JsonWriter.quote(name) + " appears twice in one object");
            }
            members.put(name, value);
            whitespace();
            char next = peek();
            position++;
            if (next == '}') break;
            if (next != ',') {
                position--;
                throw error("expected ',' or '}' after a member");
            }
        }
        depth--;
        return Collections.unmodifiableMap(members);
    }

    private List<Object> array() {
        enter();
        position++; // [
        List<Object> elements = new ArrayList<>();
        whitespace();
        if (peek() == ']') {
            position++;
            depth--;
            return Collections.unmodifiableList(elements);
        }
        while (true) {
            whitespace();
            elements.add(value());
            whitespace();
            char next = peek();
            position++;
            if (next == ']') break;
            if (next != ',') {
                position--;
                throw error("expected ',' or ']' after an element");
            }
        }
        depth--;
        return Collections.unmodifiableList(elements);
    }

    private void enter() {
        if (++depth > MAX_DEPTH) throw error("nesting deeper than " + MAX_DEPTH);
    }

    private String string() {
        position++; // opening quote
        StringBuilder out = new StringBuilder();
        while (true) {
            if (position >= text.length()) throw error("end of text inside a string");
            char c = text.charAt(position);
            if (c == '"') {
                position++;
                return out.toString();
            }
            if (c < 0x20) throw error("raw control character " + describe(c) + " in a string (write it as an escape)");
            if (c != '\\') {
                out.append(c);
                position++;
                continue;
            }
            if (position + 1 >= text.length()) throw error("end of text inside an escape");
            char escape = text.charAt(position + 1);
            switch (escape) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    int code = 0;
                    for (int i = 2; i < 6; i++) {
                        int digit = position + i < text.length() ? Character.digit(text.charAt(position + i), 16) : -1;
                        if (digit < 0) throw error("a \\u escape needs four hex digits");
                        code = code << 4 | digit;
                    }
                    out.append((char) code); // surrogate pairs come as two escapes and join up in the builder
                    position += 4;
                }
                default -> throw error("unknown escape \\" + escape);
            }
            position += 2;
        }
    }

    private Object number() {
        int start = position;
        if (peek() == '-') position++;
        if (peek() == '0') {
            position++;
            if (isDigit(peek())) throw error("a number does not start with 0 unless it is 0");
        } else if (isDigit(peek())) {
            while (isDigit(peek())) position++;
        } else {
            throw error("a digit must follow '-'");
        }
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            position++;
            if (!isDigit(peek())) throw error("a digit must follow the decimal point");
            while (isDigit(peek())) position++;
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            position++;
            if (peek() == '+' || peek() == '-') position++;
            if (!isDigit(peek())) throw error("a digit must follow the exponent mark");
            while (isDigit(peek())) position++;
        }
        String literal = text.substring(start, position);
        if (!integral) return Double.parseDouble(literal);
        BigInteger value = new BigInteger(literal);
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, position)) throw error("unexpected " + describe(text.charAt(position)) + " where a value was expected");
        position += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) throw error("expected '" + c + "'");
        position++;
    }

    /** The next character, or U+FFFF at the end of the text (which no JSON token starts with). */
    private char peek() {
        return position < text.length() ? text.charAt(position) : '\uFFFF';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void whitespace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            position++;
        }
    }

    private static String describe(char c) {
        return c < 0x20 || c == 0x7F ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }

    private JsonException error(String message) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(position, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new JsonException(message, line, column);
    }
}
