package ntsection.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import ntsection.verifier.json.JsonObject;
import ntsection.verifier.json.JsonReader;
import ntsection.vf.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SARIF log's structure, and its validity against the SARIF 2.1.0 JSON schema
 * (src/test/resources/sarif/sarif-schema-2.1.0.json; see the README beside it). The
 * logs are also written to target/sarif-samples for the SARIF Multitool's validator,
 * which the build does not run (NOTES.md says how).
 */
class SarifReportTest {
    private static final ToolInfo TOOL = new ToolInfo("ntsection", "0.1.0-SNAPSHOT", ToolInfo.PROTOCOL_URI);
    private static final ObjectMapper JACKSON = new ObjectMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = SarifReportTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            assertNotNull(in, "the SARIF schema is a test resource");
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
    }

    private static VerificationReport everyKind() {
        return new VerificationReport("sv6-validate-twin", 1000, 1.25, Strategies.PCT, 42,
                List.of(Samples.doubleFetch(), Samples.unguarded(), Samples.bugCheck(),
                        Samples.unguarded().withHarm("bug-check")));
    }

    @Test
    void theLogHasOneRunWithEveryRuleAndOneResultPerFinding() {
        JsonObject log = JsonReader.readObject(SarifReport.render(everyKind(), TOOL));
        assertEquals("https://json.schemastore.org/sarif-2.1.0.json", log.string("$schema"));
        assertEquals("2.1.0", log.string("version"));
        List<JsonObject> runs = log.objects("runs");
        assertEquals(1, runs.size());
        JsonObject run = runs.getFirst();

        JsonObject driver = run.object("tool").object("driver");
        assertEquals("ntsection", driver.string("name"));
        assertEquals("0.1.0-SNAPSHOT", driver.string("version"));
        assertTrue(driver.string("informationUri").startsWith("https://"));
        List<JsonObject> rules = driver.objects("rules");
        assertEquals(Rule.values().length + OracleRule.values().length, rules.size());
        for (Rule rule : Rule.values()) {
            JsonObject descriptor = rules.get(rule.ordinal());
            assertEquals(rule.name(), descriptor.string("id"));
            assertEquals(rule.rule(), descriptor.object("shortDescription").string("text"));
            assertTrue(descriptor.object("fullDescription").string("text").contains(rule.flaggedWhen()));
            assertFalse(descriptor.object("help").string("text").isBlank());
            assertEquals("error", descriptor.object("defaultConfiguration").string("level"));
        }
        assertEquals("KernelHandle", rules.get(0).string("name"));
        assertEquals("ReferenceBeforeShare", rules.get(7).string("name"));
        assertEquals("PhysicalMemory", rules.get(9).string("name"));
        assertEquals("SV10", rules.get(9).string("id"));
        assertEquals("ORACLE-bug-check", rules.get(10 + OracleRule.BUG_CHECK.ordinal()).string("id"));
        assertEquals("BugCheck", rules.get(10 + OracleRule.BUG_CHECK.ordinal()).string("name"));

        List<JsonObject> results = run.objects("results");
        assertEquals(4, results.size());
        for (JsonObject result : results) {
            assertEquals(result.string("ruleId"), rules.get(result.intValue("ruleIndex")).string("id"));
            assertEquals("error", result.string("level"));
            assertTrue(result.object("message").string("text").endsWith("."));
            assertTrue(result.object("partialFingerprints").has("ruleAndMethod/v1"));
        }

        JsonObject first = results.get(0);
        assertEquals("SV6", first.string("ruleId"));
        assertEquals(5, first.intValue("ruleIndex"));
        assertEquals("the driver read the user-visible length at 0x10008 twice in one request.",
                first.object("message").string("text"));
        JsonObject location = first.objects("locations").getFirst();
        JsonObject physical = location.object("physicalLocation");
        assertEquals("ntsection/drivers/twins/Sv6ValidateTwin.java", physical.object("artifactLocation").string("uri"));
        assertEquals("SRCROOT", physical.object("artifactLocation").string("uriBaseId"));
        assertEquals(88, physical.object("region").intValue("startLine"));
        assertEquals("ntsection.drivers.twins.Sv6ValidateTwin.deviceControl",
                location.objects("logicalLocations").getFirst().string("fullyQualifiedName"));
        JsonObject properties = first.object("properties");
        assertEquals(42, properties.longValue("seed"));
        assertEquals("pct", properties.string("strategy"));
        assertEquals(List.of(0, 0, 1, 1, 0, 1, 0), properties.ints("schedule"));
        assertEquals(List.of("IOCTL 0x222440 in=8 out=8", "IOCTL 0x222444 in=0 out=4"), properties.strings("calls"));
        assertEquals("Process attacker.exe (pid 12)", properties.string("process"));

        assertEquals("ntsection/drivers/twins/Sv5GuardedAccessTwin.java", results.get(1).objects("locations").getFirst()
                .object("physicalLocation").object("artifactLocation").string("uri"));

        JsonObject oracle = results.get(2);
        assertEquals("ORACLE-bug-check", oracle.string("ruleId"));
        assertEquals(10 + OracleRule.BUG_CHECK.ordinal(), oracle.intValue("ruleIndex"));
        assertFalse(oracle.has("locations"), "an oracle's finding without a driver frame has no location");
        assertEquals("bug-check", oracle.object("properties").string("harm"));

        assertEquals("SV5", results.get(3).string("ruleId"), "a rule's finding with a harm stays under its rule");
        assertEquals("bug-check", results.get(3).object("properties").string("harm"));

        JsonObject runProperties = run.object("properties");
        assertEquals("sv6-validate-twin", runProperties.string("driver"));
        assertEquals(1000, runProperties.longValue("schedules"));
        assertEquals(1.25, runProperties.doubleValue("elapsedSeconds"));
    }

    @Test
    void theLogsValidateAgainstTheSarifSchema() throws IOException {
        VerificationReport clean = new VerificationReport("kernel-only", 35, 0.5, Strategies.EXHAUSTIVE, 0, List.of());
        VerificationReport twoFindings = Samples.twoFindings();
        Path samples = Files.createDirectories(Path.of("target", "sarif-samples"));
        for (var sample : List.of(new Object[] {"every-kind", everyKind()}, new Object[] {"two-findings", twoFindings},
                new Object[] {"clean", clean})) {
            String sarif = SarifReport.render((VerificationReport) sample[1]);
            Files.writeString(samples.resolve(sample[0] + ".sarif"), sarif, StandardCharsets.UTF_8);
            Set<ValidationMessage> errors = schema.validate(JACKSON.readTree(sarif));
            assertTrue(errors.isEmpty(), sample[0] + ": " + errors);
        }
    }

    @Test
    void theSchemaCheckCatchesABrokenLog() throws IOException {
        String sarif = SarifReport.render(Samples.twoFindings(), TOOL);
        for (String broken : List.of(sarif.replace("\"level\": \"error\"", "\"level\": \"fatal\""),
                sarif.replace("\"startLine\": 88", "\"startLine\": 0"),
                sarif.replace("\"version\": \"2.1.0\"", "\"version\": \"2.0.0\""),
                sarif.replace("\"ruleIndex\": 5", "\"ruleIndex\": \"5\""))) {
            JsonNode tree = JACKSON.readTree(broken);
            assertFalse(schema.validate(tree).isEmpty(), "the schema should refuse a log with a broken member");
        }
    }

    @Test
    void pascalCaseNames() {
        assertEquals("SystemThreadMap", SarifRules.pascal("system-thread-map"));
        assertEquals("UseAfterFree", SarifRules.pascal("use after free"));
    }
}
