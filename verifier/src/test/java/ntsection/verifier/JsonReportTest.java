package ntsection.verifier;

import ntsection.verifier.json.JsonObject;
import ntsection.verifier.json.JsonReader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class JsonReportTest {

    @Test
    void aReportWithTwoFindingsHasTheDocumentedShape() {
        JsonObject json = JsonReader.readObject(JsonReport.render(Samples.twoFindings()));
        assertEquals(List.of("driver", "schedules", "findings"), List.copyOf(json.members().keySet()));
        assertEquals("sv6-validate-twin", json.string("driver"));
        assertEquals(1000, json.longValue("schedules"));
        List<JsonObject> findings = json.objects("findings");
        assertEquals(2, findings.size());

        JsonObject first = findings.get(0);
        assertEquals("SV6", first.string("rule"));
        assertEquals("the driver read the user-visible length at 0x10008 twice in one request", first.string("message"));
        assertEquals("ntsection.drivers.twins.Sv6ValidateTwin.deviceControl(Sv6ValidateTwin.java:88)", first.string("location"));
        assertEquals(42, first.longValue("seed"));
        assertEquals(List.of(0, 0, 1, 1, 0, 1, 0), first.ints("schedule"));
        assertEquals("pct", first.string("strategy"));
        assertEquals(List.of("IOCTL 0x222440 in=8 out=8", "IOCTL 0x222444 in=0 out=4"), first.strings("calls"));
        assertEquals("Process attacker.exe (pid 12)", first.string("process"));
        assertEquals("Thread 3 of attacker.exe", first.string("thread"));
        assertEquals("Section \\BaseNamedObjects\\Ring", first.string("object"));
        assertEquals(17, first.longValue("step"));
        JsonObject frame = first.object("frame");
        assertEquals("ntsection.drivers.twins.Sv6ValidateTwin", frame.string("className"));
        assertEquals("deviceControl", frame.string("methodName"));
        assertEquals("Sv6ValidateTwin.java", frame.string("fileName"));
        assertEquals(88, frame.intValue("line"));
        assertNull(first.get("harm"));

        JsonObject second = findings.get(1);
        assertEquals("SV5", second.string("rule"));
        assertEquals(-7, second.longValue("seed"));
        assertEquals("random", second.string("strategy"));
        assertEquals(List.of(1, 0, 1), second.ints("schedule"));
        assertNull(second.get("object"));
    }

    @Test
    void anOraclesFindingHasANullRuleAndItsHarm() {
        VerificationReport report = new VerificationReport("sv5-guarded-access-twin", 3, 0.01, Strategies.PCT, 42,
                List.of(Samples.bugCheck()));
        JsonObject finding = JsonReader.readObject(JsonReport.render(report)).objects("findings").getFirst();
        assertNull(finding.get("rule"));
        assertEquals("bug-check", finding.string("harm"));
        assertNull(finding.get("location"));
        assertNull(finding.get("frame"));
    }

    @Test
    void aCleanReportHasAnEmptyFindingsArray() {
        String json = JsonReport.render(new VerificationReport("kernel-only", 500, 2, Strategies.EXHAUSTIVE, 0, List.of()));
        assertEquals("""
                {
                  "driver": "kernel-only",
                  "schedules": 500,
                  "findings": []
                }
                """, json);
    }
}
