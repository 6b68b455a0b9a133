package ntsection.verifier;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report for people: a heading (driver, strategy, seed, schedules, time, a count per
 * rule) and one block per finding with the rule id and short name, the message, the
 * rule in the protocol's words, the driver frame, the process, thread and object, the
 * calls that led there and how to replay it.
 */
public final class TextReport {
    /** Schedules longer than this are shortened in the text; JSON and finding files keep them whole. */
    static final int SCHEDULE_SHOWN = 40;

    private TextReport() {
    }

    public static String render(VerificationReport report) {
        return render(report, Map.of());
    }

    /**
     * @param saved the finding files written for some findings: their replay line names the file
     */
    public static String render(VerificationReport report, Map<Finding, Path> saved) {
        StringBuilder out = new StringBuilder();
        out.append("ntsection verify: ").append(report.driver()).append('\n');
        out.append(report.strategy()).append(", seed ").append(report.seed()).append(": ").append(report.schedules())
                .append(report.schedules() == 1 ? " schedule in " : " schedules in ")
                .append(String.format(Locale.ROOT, "%.2f", report.elapsedSeconds())).append(" s\n");
        List<Finding> findings = report.findings();
        if (findings.isEmpty()) {
            out.append("no findings: every rule held and no oracle saw harm\n");
            return out.toString();
        }
        out.append(findings.size()).append(findings.size() == 1 ? " finding" : " findings").append(counts(findings))
                .append('\n');
        for (int i = 0; i < findings.size(); i++) {
            out.append('\n');
            block(out, i + 1, findings.get(i), saved.get(findings.get(i)));
        }
        return out.toString();
    }

    private static String counts(List<Finding> findings) {
        Map<String, Integer> byRule = new LinkedHashMap<>();
        for (Finding finding : findings) byRule.merge(finding.ruleId(), 1, Integer::sum);
        StringBuilder text = new StringBuilder(" (");
        byRule.forEach((id, n) -> text.append(text.length() > 2 ? ", " : "").append(id).append(" x").append(n));
        return text.append(')').toString();
    }

    private static void block(StringBuilder out, int number, Finding finding, Path file) {
        out.append('[').append(number).append("] ").append(finding.ruleId()).append(' ').append(finding.ruleName())
                .append(": ").append(oneLine(finding.message())).append('\n');
        if (finding.rule() != null) {
            field(out, "rule", finding.rule().rule());
            if (finding.harm() != null) field(out, "harm", finding.harm());
        } else {
            field(out, "oracle", OracleRule.forHarm(finding.harm()).rule());
        }
        field(out, "at", finding.location() == null ? "(no driver frame)" : finding.location().describe());
        if (finding.process() != null) field(out, "process", oneLine(finding.process()));
        if (finding.thread() != null) field(out, "thread", oneLine(finding.thread()));
        if (finding.object() != null) field(out, "object", oneLine(finding.object()));
        if (finding.step() >= 0) field(out, "step", Long.toString(finding.step()));
        for (int i = 0; i < finding.calls().size(); i++) field(out, i == 0 ? "calls" : "", oneLine(finding.calls().get(i)));
        field(out, "found by", finding.strategy() + ", seed " + finding.seed());
        field(out, "schedule", schedule(finding.schedule()));
        field(out, "replay", "ntsection replay " + (file == null ? "FILE   (FILE: this finding saved as a finding file)" : file));
    }

    private static String schedule(List<Integer> schedule) {
        StringBuilder text = new StringBuilder().append(schedule.size()).append(schedule.size() == 1 ? " choice" : " choices");
        if (schedule.isEmpty()) return text.toString();
        text.append(':');
        int shown = Math.min(schedule.size(), SCHEDULE_SHOWN);
        for (int i = 0; i < shown; i++) text.append(' ').append(schedule.get(i));
        if (shown < schedule.size()) text.append(" ... (").append(schedule.size() - shown).append(" more)");
        return text.toString();
    }

    private static void field(StringBuilder out, String label, String value) {
        out.append("    ").append(label.isEmpty() ? "" : label + ":");
        out.append(" ".repeat(Math.max(1, 11 - (label.isEmpty() ? 0 : label.length() + 1)))).append(value).append('\n');
    }

    /** Line breaks in a message would break the block's layout; show them as the escapes. */
    private static String oneLine(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }
}
