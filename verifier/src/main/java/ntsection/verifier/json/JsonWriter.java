package ntsection.verifier.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a tree of plain Java values as JSON text (RFC 8259): {@code null}, Boolean,
 * String, integral numbers (Byte, Short, Integer, Long, BigInteger), finite Float,
 * Double and BigDecimal, {@code Map<String, ?>} (members in the map's iteration order),
 * any Collection, and int[] and long[]. Anything else, a non-string key or a NaN or
 * infinite number is refused with IllegalArgumentException rather than written as
 * something a reader would take differently.
 *
 * <p>Layout: two spaces of indent, one member or element a line, except that an array
 * holding only numbers and booleans stays on one line (a schedule of a thousand choices
 * is one line, not a thousand). Strings are escaped as RFC 8259 requires (quotation
 * mark, reverse solidus, U+0000 to U+001F) and, beyond it, DEL, U+2028, U+2029 and
 * unpaired surrogates are written as {@code \}{@code uXXXX} too: the first three so that
 * the text is safe to paste into a terminal or a JavaScript source, the last because
 * UTF-8 cannot carry them and the escape brings them back exactly. Everything else,
 * non-ASCII included, is written as itself; write the text as UTF-8.
 */
public final class JsonWriter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out = new StringBuilder();

    private JsonWriter() {
    }

    /** The value as indented JSON text, ending with a newline. */
    public static String write(Object value) {
        JsonWriter writer = new JsonWriter();
        writer.value(value, 0);
        return writer.out.append('\n').toString();
    }

    /** The string as a JSON string literal, quotes included. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        quote(text, out);
        return out.toString();
    }

    /** Appends the string as a JSON string literal, quotes included. */
    public static void quote(String text, StringBuilder out) {
        out.append('"');
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7F || c == '\u2028' || c == '\u2029') {
                        escape(c, out);
                    } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        escape(c, out);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void escape(char c, StringBuilder out) {
        out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
    }

    private void value(Object value, int depth) {
        switch (value) {
            case null -> out.append("null");
            case String text -> quote(text, out);
            case Boolean flag -> out.append(flag.booleanValue());
            case Byte n -> out.append(n.longValue());
            case Short n -> out.append(n.longValue());
            case Integer n -> out.append(n.longValue());
            case Long n -> out.append(n.longValue());
            case BigInteger n -> out.append(n);
            case Double n -> number(n);
            case Float n -> number(n.doubleValue());
            case BigDecimal n -> out.append(n.toString());
            case Map<?, ?> map -> object(map, depth);
            case Collection<?> list -> array(list, depth);
            case int[] ints -> {
                out.append('[');
                for (int i = 0; i < ints.length; i++) out.append(i == 0 ? "" : ", ").append(ints[i]);
                out.append(']');
            }
            case long[] longs -> {
                out.append('[');
                for (int i = 0; i < longs.length; i++) out.append(i == 0 ? "" : ", ").append(longs[i]);
                out.append(']');
            }
            default -> throw new IllegalArgumentException("no JSON form for a " + value.getClass().getName());
        }
    }

    private void number(double n) {
        if (!Double.isFinite(n)) throw new IllegalArgumentException("JSON has no " + n);
        // Double.toString gives "2.5", "1.0E10" and "1.0E-5": all JSON numbers, and each reads back exactly.
        out.append(Double.toString(n));
    }

    private void object(Map<?, ?> map, int depth) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        Iterator<? extends Map.Entry<?, ?>> members = map.entrySet().iterator();
        while (members.hasNext()) {
            Map.Entry<?, ?> member = members.next();
            if (!(member.getKey() instanceof String name)) {
                throw new IllegalArgumentException("a JSON object's names are strings, not " + member.getKey());
            }
            newline(depth + 1);
            quote(name, out);
            out.append(": ");
            value(member.getValue(), depth + 1);
            if (members.hasNext()) out.append(',');
        }
        newline(depth);
        out.append('}');
    }

    private void array(Collection<?> list, int depth) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        boolean inline = list.stream().allMatch(e -> e instanceof Number || e instanceof Boolean);
        out.append('[');
        Iterator<?> elements = list.iterator();
        while (elements.hasNext()) {
            if (inline) {
                value(elements.next(), depth + 1);
                if (elements.hasNext()) out.append(", ");
            } else {
                newline(depth + 1);
                value(elements.next(), depth + 1);
                if (elements.hasNext()) out.append(',');
            }
        }
        if (!inline) newline(depth);
        out.append(']');
    }

    private void newline(int depth) {
        out.append('\n');
        for (int i = 0; i < depth; i++) out.append("  ");
    }
}
