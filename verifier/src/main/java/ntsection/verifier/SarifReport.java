package ntsection.verifier;

import ntsection.verifier.json.JsonWriter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report as a SARIF 2.1.0 log, for code-scanning tools and IDEs: one run, the tool
 * with every rule descriptor ({@link SarifRules}: SV1..SV10 and the five oracles), and
 * one result per finding with its ruleId and ruleIndex, level "error", the message, the
 * driver frame as a physical location (the source path guessed from the class name,
 * relative to the uriBaseId SRCROOT, which the consumer maps to the drivers' source
 * root, e.g. src/main/java) and a logical one (Class.method), a partial fingerprint
 * (rule and method, so that a result keeps its identity when lines move), and in its
 * property bag everything needed to replay it: seed, strategy, schedule, calls, step,
 * process, thread, object and harm. The run's property bag holds the driver, the
 * schedules explored, the elapsed time, strategy and seed.
 */
public final class SarifReport {
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String VERSION = "2.1.0";
    /** The uriBaseId of every result's location: the root the guessed source paths are relative to. */
    public static final String SOURCE_ROOT = "SRCROOT";

    private SarifReport() {
    }

    public static String render(VerificationReport report) {
        return render(report, ToolInfo.current());
    }

    public static String render(VerificationReport report, ToolInfo tool) {
        return JsonWriter.write(toJson(report, tool));
    }

    /** The log as the tree of maps and lists that {@link #render} writes. */
    public static Map<String, Object> toJson(VerificationReport report, ToolInfo tool) {
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", tool.name());
        driver.put("informationUri", tool.informationUri());
        driver.put("version", tool.version());
        driver.put("rules", SarifRules.descriptors());

        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("originalUriBaseIds", Map.of(SOURCE_ROOT, Map.of("description", Map.of("text",
                "The root of the drivers' Java sources (for a Maven project, src/main/java)."))));
        List<Object> results = new ArrayList<>();
        for (Finding finding : report.findings()) results.add(result(finding));
        run.put("results", results);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("driver", report.driver());
        properties.put("schedules", report.schedules());
        properties.put("elapsedSeconds", report.elapsedSeconds());
        properties.put("strategy", report.strategy());
        properties.put("seed", report.seed());
        run.put("properties", properties);

        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", SCHEMA);
        log.put("version", VERSION);
        log.put("runs", List.of(run));
        return log;
    }

    private static Map<String, Object> result(Finding finding) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleId", finding.ruleId());
        result.put("ruleIndex", SarifRules.index(finding));
        result.put("level", "error");
        result.put("message", Map.of("text", sentence(finding.message())));
        Location location = finding.location();
        if (location != null) {
            Map<String, Object> physical = new LinkedHashMap<>();
            Map<String, Object> artifact = new LinkedHashMap<>();
            artifact.put("uri", location.sourcePath());
            artifact.put("uriBaseId", SOURCE_ROOT);
            physical.put("artifactLocation", artifact);
            if (location.hasLine()) physical.put("region", Map.of("startLine", location.line()));
            Map<String, Object> logical = new LinkedHashMap<>();
            logical.put("name", location.methodName());
            logical.put("fullyQualifiedName", location.className() + "." + location.methodName());
            logical.put("kind", "function");
            Map<String, Object> where = new LinkedHashMap<>();
            where.put("physicalLocation", physical);
            where.put("logicalLocations", List.of(logical));
            result.put("locations", List.of(where));
        }
        result.put("partialFingerprints", Map.of("ruleAndMethod/v1", fingerprint(finding)));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("seed", finding.seed());
        properties.put("strategy", finding.strategy());
        properties.put("schedule", finding.schedule());
        properties.put("calls", finding.calls());
        properties.put("step", finding.step());
        if (finding.process() != null) properties.put("process", finding.process());
        if (finding.thread() != null) properties.put("thread", finding.thread());
        if (finding.object() != null) properties.put("object", finding.object());
        if (finding.harm() != null) properties.put("harm", finding.harm());
        result.put("properties", properties);
        return result;
    }

    /** SARIF asks for messages that are sentences (the validator's SARIF2001 "end with a period"). */
    private static String sentence(String message) {
        String trimmed = message.strip();
        return trimmed.endsWith(".") || trimmed.endsWith("!") || trimmed.endsWith("?") ? trimmed : trimmed + ".";
    }

    /** The rule and the driver method, hashed: stable when lines move, when messages name other handle values. */
    private static String fingerprint(Finding finding) {
        Location location = finding.location();
        String key = finding.ruleId() + "|" + (location == null ? "" : location.className() + "." + location.methodName());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
