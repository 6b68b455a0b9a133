package ntsection.verifier.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 8259 escaping, checked against the RFC's rules and against an independent parser (Jackson, test scope only). */
class JsonWriterTest {
    private static final ObjectMapper JACKSON = new ObjectMapper();

    @Test
    void quotesAndBackslashesAreEscaped() {
        assertEquals("\"say \\\"hi\\\"\"", JsonWriter.quote("say \"hi\""));
        assertEquals("\"C:\\\\Windows\\\\System32\"", JsonWriter.quote("C:\\Windows\\System32"));
        assertEquals("\"\\\\Device\\\\PhysicalMemory\"", JsonWriter.quote("\\Device\\PhysicalMemory"));
        assertEquals("\"a/b\"", JsonWriter.quote("a/b"), "the solidus needs no escape");
    }

    @Test
    void everyControlCharacterIsEscaped() {
        assertEquals("\"\\b\\f\\n\\r\\t\"", JsonWriter.quote("\b\f\n\r\t"));
        assertEquals("\"\\u0000\\u0001\\u001f\\u007f\"", JsonWriter.quote("\u0000\u0001\u001f\u007f"));
        for (char c = 0; c < 0x20; c++) {
            String quoted = JsonWriter.quote(String.valueOf(c));
            for (int i = 1; i < quoted.length() - 1; i++) assertTrue(quoted.charAt(i) >= 0x20, "U+" + (int) c + " as " + quoted);
            assertEquals(String.valueOf(c), JsonReader.read(quoted));
        }
    }

    @Test
    void nonAsciiIsWrittenAsItselfExceptWhereUtf8OrJavaScriptCannotCarryIt() {
        assertEquals("\"Überwachung 日本 \uD83D\uDE00\"", JsonWriter.quote("Überwachung 日本 \uD83D\uDE00"));
        assertEquals("\"\\u2028\\u2029\"", JsonWriter.quote("\u2028\u2029"));
        assertEquals("\"x\\ud800y\\udc00\"", JsonWriter.quote("x\uD800y\uDC00"), "unpaired surrogates");
        assertEquals("\"\\ude00\\ud83d\"", JsonWriter.quote("\uDE00\uD83D"), "a pair in the wrong order is two unpaired ones");
    }

    @Test
    void everyStringReadsBackAsItWasByUsAndByJackson() throws Exception {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x3000; c++) all.append(c);
        all.append("\uD83D\uDE00 \uD800 \uDFFF \uFFFE \uFEFF");
        List<String> samples = List.of("", "plain", "\"\\/\b\f\n\r\t", "tab\there", "é", "Ünïcödé ☃ 𝄞", all.toString(),
                "\u0000", "ends with backslash \\");
        for (String sample : samples) {
            String json = JsonWriter.quote(sample);
            assertEquals(sample, JsonReader.read(json));
            if (!sample.contains("\uD800")) assertEquals(sample, JACKSON.readValue(json, String.class));
        }
    }

    @Test
    void valuesOfEveryKind() throws Exception {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("null", null);
        tree.put("true", true);
        tree.put("int", 7);
        tree.put("long", Long.MIN_VALUE);
        tree.put("big", new BigInteger("123456789012345678901234567890"));
        tree.put("double", 2.5);
        tree.put("tiny", 1e-300);
        tree.put("ints", new int[] {1, 2});
        tree.put("longs", new long[] {-1L});
        tree.put("list", List.of("a", List.of(), Map.of()));
        String json = JsonWriter.write(tree);
        Map<?, ?> back = (Map<?, ?>) JsonReader.read(json);
        assertEquals(Arrays.asList(null, true, 7L, Long.MIN_VALUE, new BigInteger("123456789012345678901234567890"), 2.5,
                1e-300, List.of(1L, 2L), List.of(-1L), List.of("a", List.of(), Map.of())), new ArrayList<>(back.values()));
        assertEquals(List.copyOf(tree.keySet()), List.copyOf(back.keySet()), "member order is kept");
        JACKSON.readTree(json);
    }

    @Test
    void numberArraysStayOnOneLineAndEverythingElseIsIndented() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("schedule", List.of(0, 1, 1));
        tree.put("calls", List.of("a", "b"));
        assertEquals("""
                {
                  "schedule": [0, 1, 1],
                  "calls": [
                    "a",
                    "b"
                  ]
                }
                """, JsonWriter.write(tree));
    }

    @Test
    void whatJsonCannotSayIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(Map.of(1, "x")));
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(new Object()));
    }
}
