package ntsection.verifier.json;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonReaderTest {

    @Test
    void readsEveryKindOfValue() {
        assertEquals(Map.of("a", List.of(1L, -2L, 3.5, 1e10, -0.25e-3), "b", "x"),
                JsonReader.read(" {\"a\" : [1,-2, 3.5 ,1E10, -0.25e-3] ,\r\n\t\"b\":\"x\"} "));
        assertEquals(Arrays.asList(true, false, null), JsonReader.read("[true,false,null]"));
        assertEquals(Long.MAX_VALUE, JsonReader.read("9223372036854775807"));
        assertEquals(Long.MIN_VALUE, JsonReader.read("-9223372036854775808"));
        assertEquals(new BigInteger("9223372036854775808"), JsonReader.read("9223372036854775808"));
        assertEquals(0L, JsonReader.read("0"));
        assertEquals("\u00e9\uD83D\uDE00/\"", JsonReader.read("\"\\u00E9\\ud83d\\ude00\\/\\\"\""));
        assertEquals("x", JsonReader.read("\uFEFF\"x\""), "a byte order mark is skipped");
    }

    @Test
    void rejectsWhatIsNotJsonAndSaysWhere() {
        assertSyntax("{\"a\": 1,}", 1, 9);
        assertSyntax("[1,]", 1, 4);
        assertSyntax("[1 2]", 1, 4);
        assertSyntax("01", 1, 2);
        assertSyntax("-", 1, 2);
        assertSyntax("1.", 1, 3);
        assertSyntax("1e", 1, 3);
        assertSyntax(".5", 1, 1);
        assertSyntax("\"a\nb\"", 1, 3);
        assertSyntax("\"\\x\"", 1, 2);
        assertSyntax("\"\\u12\"", 1, 2);
        assertSyntax("\"open", 1, 6);
        assertSyntax("{\n  \"a\": 1,\n  \"a\": 2\n}", 3, 3);
        assertSyntax("{a: 1}", 1, 2);
        assertSyntax("[1] 2", 1, 5);
        assertSyntax("", 1, 1);
        assertSyntax("nul", 1, 1);
        assertSyntax("NaN", 1, 1);
        assertSyntax("[".repeat(JsonReader.MAX_DEPTH + 1), 1, JsonReader.MAX_DEPTH + 1);
        assertEquals(List.of(), flatten(JsonReader.read("[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH))));
    }

    @Test
    void typedAccessNamesTheMemberThatIsWrong() {
        JsonObject json = JsonReader.readObject("{\"seed\": \"x\", \"n\": null, \"schedule\": [0, 1.5], \"big\": 4294967296}");
        assertMessage("$.seed: expected an integer in the range of a Java long, found \"x\"", () -> json.longValue("seed"));
        assertMessage("$.n: is null", () -> json.string("n"));
        assertMessage("$.missing: is missing", () -> json.string("missing"));
        assertMessage("$.schedule[1]: expected an integer in the range of a Java int, found 1.5", () -> json.ints("schedule"));
        assertMessage("$.big: expected an integer in the range of a Java int, found 4294967296", () -> json.intValue("big"));
        assertEquals(null, json.optionalString("n"));
        assertEquals(null, json.optionalString("missing"));
    }

    private static Object flatten(Object value) {
        while (value instanceof List<?> list && list.size() == 1) value = list.getFirst();
        return value;
    }

    private static void assertSyntax(String text, int line, int column) {
        JsonException error = assertThrows(JsonException.class, () -> JsonReader.read(text), text);
        assertEquals(line + ":" + column, error.line() + ":" + error.column(), error.getMessage());
        assertTrue(error.getMessage().contains("line " + line), error.getMessage());
    }

    private static void assertMessage(String message, Runnable read) {
        assertEquals(message, assertThrows(JsonException.class, read::run).getMessage());
    }
}
