package ntsection.verifier;

import ntsection.verifier.json.JsonException;
import ntsection.vf.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FindingFileTest {
    @TempDir
    Path folder;

    @Test
    void aSavedFindingLoadsBackEqual() throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("depth", "3");
        parameters.put("attacker", "attacker.exe");
        FindingFile file = new FindingFile("sv6-validate-twin", List.of("/opt/drivers/my driver.jar", "C:\\drivers\\classes"),
                parameters, Samples.doubleFetch());
        Path path = folder.resolve("findings").resolve(FindingFile.fileName(1, file.finding()));
        file.save(path);
        assertEquals("finding-01-SV6.json", path.getFileName().toString());
        FindingFile loaded = FindingFile.load(path);
        assertEquals(file, loaded);
        assertEquals(List.of("depth", "attacker"), List.copyOf(loaded.parameters().keySet()), "parameter order is kept");
        assertEquals(42, loaded.seed());
        assertEquals("pct", loaded.strategy());
        assertArrayEquals(new int[] {0, 0, 1, 1, 0, 1, 0}, loaded.schedule());
        assertEquals(List.of("IOCTL 0x222440 in=8 out=8", "IOCTL 0x222444 in=0 out=4"), loaded.calls());
        try (var left = Files.list(path.getParent())) {
            assertEquals(1, left.count(), "no temporary file is left behind");
        }
    }

    @Test
    void everyKindOfFindingRoundTrips() {
        Finding awkward = new Finding(Rule.SV10, "secret leaked", "quote \" backslash \\ tab \t nul \u0000 é 日本 \uD83D\uDE00 \uD800",
                new Location("a.B$C", "m", null, -1), "Process \"x\".exe", "Thread 0 of x", "Section \\Device\\PhysicalMemory",
                Long.MAX_VALUE, Long.MIN_VALUE, Strategies.EXHAUSTIVE, List.of(), List.of("", "IOCTL 0x1 in=0 out=0\n"));
        for (Finding finding : List.of(Samples.doubleFetch(), Samples.unguarded(), Samples.bugCheck(), awkward)) {
            FindingFile file = new FindingFile("driver", List.of(), finding);
            assertEquals(file, FindingFile.fromJson(file.toJson()), finding.toString());
            assertEquals(file.toJson(), FindingFile.fromJson(file.toJson()).toJson());
        }
    }

    @Test
    void theFileIsTheDocumentedJson() throws IOException {
        Path path = folder.resolve("f.json");
        new FindingFile("sv5-guarded-access-twin", List.of(), Map.of("depth", "2"), Samples.bugCheck()).save(path);
        assertEquals("""
                {
                  "format": "ntsection-finding",
                  "version": 1,
                  "driver": "sv5-guarded-access-twin",
                  "classpath": [],
                  "parameters": {
                    "depth": "2"
                  },
                  "finding": {
                    "rule": null,
                    "harm": "bug-check",
                    "message": "0x3B SYSTEM_SERVICE_EXCEPTION (0xC0000005, 0x10000, 0x0, 0x0)",
                    "location": null,
                    "frame": null,
                    "process": null,
                    "thread": null,
                    "object": null,
                    "step": -1,
                    "seed": 42,
                    "strategy": "pct",
                    "schedule": [0, 1],
                    "calls": []
                  }
                }
                """, Files.readString(path, StandardCharsets.UTF_8));
    }

    @Test
    void whatIsNotAFindingFileIsRefusedWithTheReason() {
        String good = new FindingFile("d", List.of(), Samples.doubleFetch()).toJson();
        assertMessage("not a finding file", "{\"format\": \"sarif\"}");
        assertMessage("finding file layout 2; this ntsection reads 1 to 1", good.replace("\"version\": 1", "\"version\": 2"));
        assertMessage("$.finding.rule: no rule SV11", good.replace("\"SV6\"", "\"SV11\""));
        assertMessage("$.finding: unknown strategy dfs", good.replace("\"pct\"", "\"dfs\""));
        assertMessage("$.finding.seed: is missing", good.replace("\"seed\"", "\"sed\""));
        assertMessage("$.finding.schedule[2]: expected an integer", good.replace("[0, 0, 1,", "[0, 0, \"1\","));
        assertMessage("line 1", "{\"format\": ");
    }

    private static void assertMessage(String expected, String json) {
        JsonException error = assertThrows(JsonException.class, () -> FindingFile.fromJson(json));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }
}
