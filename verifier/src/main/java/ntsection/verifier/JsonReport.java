package ntsection.verifier;

import ntsection.verifier.json.JsonWriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report for programs: exactly {@code {"driver": ..., "schedules": N, "findings": [...]}}
 * at the top, each finding an object as {@link FindingJson} writes it (rule, harm,
 * message, location, frame, process, thread, object, step, seed, strategy, schedule,
 * calls). The report's strategy and seed are each finding's; its elapsed time is left
 * out, to keep the top level to the three members the format promises.
 */
public final class JsonReport {
    private JsonReport() {
    }

    public static String render(VerificationReport report) {
        return JsonWriter.write(toJson(report));
    }

    /** The report as the tree of maps and lists that {@link #render} writes. */
    public static Map<String, Object> toJson(VerificationReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("driver", report.driver());
        json.put("schedules", report.schedules());
        List<Object> findings = new ArrayList<>();
        for (Finding finding : report.findings()) findings.add(FindingJson.write(finding));
        json.put("findings", findings);
        return json;
    }
}
