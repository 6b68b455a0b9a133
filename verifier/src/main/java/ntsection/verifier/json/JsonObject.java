package ntsection.verifier.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON object as {@link JsonReader} reads it, with typed getters that fail with the
 * member's path ({@code $.finding.seed: expected an integer, found "x"}) instead of a
 * ClassCastException. "Optional" getters take a missing member and a null member alike.
 */
public final class JsonObject {
    private final Map<String, Object> members;
    private final String path;

    private JsonObject(Map<String, Object> members, String path) {
        this.members = members;
        this.path = path;
    }

    /** {@code value} as an object; {@code path} names it in errors. */
    @SuppressWarnings("unchecked")
    public static JsonObject of(Object value, String path) {
        if (!(value instanceof Map<?, ?> map)) throw shape(path, "an object", value);
        return new JsonObject((Map<String, Object>) map, path);
    }

    public String path() {
        return path;
    }

    public boolean has(String name) {
        return members.get(name) != null;
    }

    /** The member as read: a Map, List, String, Long, BigInteger, Double, Boolean or null. */
    public Object get(String name) {
        return members.get(name);
    }

    public Map<String, Object> members() {
        return Collections.unmodifiableMap(members);
    }

    public String string(String name) {
        Object value = required(name);
        if (value instanceof String text) return text;
        throw shape(at(name), "a string", value);
    }

    public String optionalString(String name) {
        return has(name) ? string(name) : null;
    }

    public long longValue(String name) {
        Object value = required(name);
        if (value instanceof Long n) return n;
        throw shape(at(name), "an integer in the range of a Java long", value);
    }

    public int intValue(String name) {
        long n = longValue(name);
        if (n != (int) n) throw shape(at(name), "an integer in the range of a Java int", n);
        return (int) n;
    }

    public double doubleValue(String name) {
        Object value = required(name);
        if (value instanceof Double n) return n;
        if (value instanceof Long n) return n;
        throw shape(at(name), "a number", value);
    }

    public boolean booleanValue(String name) {
        Object value = required(name);
        if (value instanceof Boolean flag) return flag;
        throw shape(at(name), "true or false", value);
    }

    public JsonObject object(String name) {
        return of(required(name), at(name));
    }

    public JsonObject optionalObject(String name) {
        return has(name) ? object(name) : null;
    }

    public List<Object> list(String name) {
        Object value = required(name);
        if (value instanceof List<?> list) return Collections.unmodifiableList(list);
        throw shape(at(name), "an array", value);
    }

    public List<JsonObject> objects(String name) {
        List<Object> list = list(name);
        List<JsonObject> objects = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) objects.add(of(list.get(i), at(name) + "[" + i + "]"));
        return List.copyOf(objects);
    }

    public List<String> strings(String name) {
        List<Object> list = list(name);
        List<String> strings = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String text)) throw shape(at(name) + "[" + i + "]", "a string", list.get(i));
            strings.add(text);
        }
        return List.copyOf(strings);
    }

    public List<Integer> ints(String name) {
        List<Object> list = list(name);
        List<Integer> ints = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Long n) || n != n.intValue()) {
                throw shape(at(name) + "[" + i + "]", "an integer in the range of a Java int", list.get(i));
            }
            ints.add(n.intValue());
        }
        return List.copyOf(ints);
    }

    /** An object whose members are all strings, in order. */
    public Map<String, String> stringMap(String name) {
        JsonObject object = object(name);
        Map<String, String> map = new LinkedHashMap<>();
        for (String key : object.members.keySet()) map.put(key, object.string(key));
        return Collections.unmodifiableMap(map);
    }

    private Object required(String name) {
        Object value = members.get(name);
        if (value == null) {
            throw new JsonException(at(name) + ": " + (members.containsKey(name) ? "is null" : "is missing"));
        }
        return value;
    }

    private String at(String name) {
        return path + "." + name;
    }

    private static JsonException shape(String path, String expected, Object found) {
        String seen = found == null ? "null"
                : found instanceof String text ? JsonWriter.quote(text.length() > 40 ? text.substring(0, 40) + "..." : text)
                : found instanceof Map ? "an object" : found instanceof List ? "an array" : String.valueOf(found);
        return new JsonException(path + ": expected " + expected + ", found " + seen);
    }
}
