package ntsection.verifier;

import ntsection.verifier.json.JsonException;
import ntsection.verifier.json.JsonObject;
import ntsection.vf.Rule;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A finding as a JSON object, the same in a JSON report and in a finding file:
 * {@code rule} ("SV5", or null for an oracle's finding), {@code harm}, {@code message},
 * {@code location} ("Class.method(File.java:line)"), {@code frame} (the same in parts:
 * className, methodName, fileName, line), {@code process}, {@code thread},
 * {@code object}, {@code step}, {@code seed}, {@code strategy}, {@code schedule} (the
 * thread index chosen at each scheduling point) and {@code calls}. Every member is
 * written, null where the finding has nothing; reading takes {@code frame} and ignores
 * the {@code location} text, which is there for people and tools that want one string.
 */
final class FindingJson {
    private FindingJson() {
    }

    static Map<String, Object> write(Finding finding) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rule", finding.rule() == null ? null : finding.rule().name());
        json.put("harm", finding.harm());
        json.put("message", finding.message());
        Location location = finding.location();
        json.put("location", location == null ? null : location.describe());
        if (location == null) {
            json.put("frame", null);
        } else {
            Map<String, Object> frame = new LinkedHashMap<>();
            frame.put("className", location.className());
            frame.put("methodName", location.methodName());
            frame.put("fileName", location.fileName());
            frame.put("line", location.line());
            json.put("frame", frame);
        }
        json.put("process", finding.process());
        json.put("thread", finding.thread());
        json.put("object", finding.object());
        json.put("step", finding.step());
        json.put("seed", finding.seed());
        json.put("strategy", finding.strategy());
        json.put("schedule", finding.schedule());
        json.put("calls", finding.calls());
        return json;
    }

    static Finding read(JsonObject json) {
        String ruleId = json.optionalString("rule");
        Rule rule = null;
        if (ruleId != null) {
            try {
                rule = Rule.valueOf(ruleId);
            } catch (IllegalArgumentException unknown) {
                throw new JsonException(json.path() + ".rule: no rule " + ruleId);
            }
        }
        JsonObject frame = json.optionalObject("frame");
        Location location = frame == null ? null : new Location(frame.string("className"), frame.string("methodName"),
                frame.optionalString("fileName"), frame.intValue("line"));
        try {
            return new Finding(rule, json.optionalString("harm"), json.string("message"), location,
                    json.optionalString("process"), json.optionalString("thread"), json.optionalString("object"),
                    json.longValue("step"), json.longValue("seed"), json.string("strategy"), json.ints("schedule"),
                    json.strings("calls"));
        } catch (IllegalArgumentException invalid) {
            throw new JsonException(json.path() + ": " + invalid.getMessage());
        }
    }
}
