package ntsection.verifier;

import ntsection.vf.Rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule descriptors of the SARIF log (tool.driver.rules): one per rule of the
 * protocol, SV1..SV10 at indexes 0..9, then one per oracle (ORACLE-leak,
 * ORACLE-bug-check, ORACLE-use-after-free, ORACLE-handle-stolen, ORACLE-secret-leaked)
 * at 10..14, so that an oracle's finding, which breaks no rule, still has a ruleId and a
 * ruleIndex. Every log carries all fifteen, whatever it found, so an index means the
 * same rule in every log.
 */
final class SarifRules {
    private SarifRules() {
    }

    static List<Map<String, Object>> descriptors() {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            rules.add(descriptor(rule.name(), pascal(rule.shortName()), rule.rule(),
                    "Rule " + rule.name() + " (" + rule.shortName() + ") of the WDK's protocol for section objects and views. "
                            + rule.rule() + " The verifier flags it when " + rule.flaggedWhen() + ".",
                    "protocol"));
        }
        for (OracleRule oracle : OracleRule.values()) {
            rules.add(descriptor(oracle.id(), oracle.pascalName(), oracle.rule(),
                    "An oracle every verification run checks, whatever rule is involved. " + oracle.rule()
                            + " It fires when " + oracle.flaggedWhen() + ".",
                    "oracle"));
        }
        return rules;
    }

    /** The finding's position in {@link #descriptors()}. */
    static int index(Finding finding) {
        return finding.rule() != null ? finding.rule().ordinal()
                : Rule.values().length + OracleRule.forHarm(finding.harm()).ordinal();
    }

    private static Map<String, Object> descriptor(String id, String name, String shortText, String fullText, String tag) {
        Map<String, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("id", id);
        descriptor.put("name", name);
        descriptor.put("shortDescription", Map.of("text", shortText));
        descriptor.put("fullDescription", Map.of("text", fullText));
        descriptor.put("help", Map.of("text", fullText + " Each result carries the seed, strategy and schedule that "
                + "found it; `ntsection replay FILE` repeats it from the finding file the verifier saved."));
        descriptor.put("helpUri", ToolInfo.PROTOCOL_URI);
        descriptor.put("defaultConfiguration", Map.of("level", "error"));
        descriptor.put("properties", Map.of("tags", List.of("security", tag)));
        return descriptor;
    }

    /** "reference-before-share" to "ReferenceBeforeShare". */
    static String pascal(String dashed) {
        StringBuilder name = new StringBuilder();
        for (String word : dashed.split("[-\\s]+")) {
            if (!word.isEmpty()) name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return name.toString();
    }
}
