package ntsection.cli;

import ntsection.verifier.DriverSourceException;
import ntsection.verifier.Finding;
import ntsection.verifier.FindingFile;
import ntsection.verifier.explore.Replayer;
import ntsection.verifier.json.JsonException;
import ntsection.verifier.replay.InterleavingText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ntsection replay FILE}: re-runs a finding {@code ntsection verify} saved, decision
 * by decision, prints the interleaving step by step with the finding's step marked, and
 * says whether the run was the same run and the finding came back.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Re-run a finding file that `ntsection verify` saved, bit for bit, and print its interleaving step by step."},
        footer = {"", "Exit codes: 0 the finding replayed, 1 it did not, 2 bad usage (no such file, not a finding file, driver not found)."})
final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A finding file (ntsection-findings/DRIVER/finding-NN-RULE.json).")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FindingFile saved;
        try {
            saved = FindingFile.load(file);
        } catch (NoSuchFileException missing) {
            err.println("ntsection replay: no such file: " + file);
            return Main.USAGE;
        } catch (IOException | JsonException | IllegalArgumentException unreadable) {
            err.println("ntsection replay: " + file + " is not a finding file: " + unreadable.getMessage());
            return Main.USAGE;
        }
        Replayer.Replayed replayed;
        try {
            replayed = Replayer.replay(saved);
        } catch (DriverSourceException | IllegalArgumentException cannot) {
            err.println("ntsection replay: cannot re-run " + file + ": " + cannot.getMessage());
            return Main.USAGE;
        }
        Finding finding = saved.finding();
        out.println("ntsection replay: " + file);
        out.println("  " + finding);
        out.println("  driver " + saved.driver() + (saved.classpath().isEmpty() ? "" : " from " + String.join(
                java.io.File.pathSeparator, saved.classpath())));
        for (String call : finding.calls()) out.println("  " + call);
        out.println("  " + finding.schedule().size() + " recorded decisions");
        out.println();
        // The step a finding happened at counts the decisions before it: the last one let its thread run on.
        Map<Integer, String> notes = replayed.findingStep() > 0
                ? Map.of((int) replayed.findingStep() - 1, "then " + (finding.thread() == null ? "driver code" : finding.thread())
                        + " breaks " + finding.ruleId() + " " + finding.ruleName())
                : Map.of();
        for (String line : InterleavingText.lines(replayed.steps(), notes)) out.println(line);
        out.println();
        out.println("run: " + replayed.description().lines().findFirst().orElse(""));
        if (replayed.sameRun()) out.println("same run: every decision, its kind and detail as recorded (trace hash matches)");
        else out.println("not the same run: the trace differs from the one recorded");
        out.println(replayed.shown() ? "the finding came back: " + finding.ruleId() + " at "
                + (finding.location() == null ? "(no driver frame)" : finding.location().describe())
                : "the finding did not come back");
        out.flush();
        return replayed.shown() && replayed.sameRun() ? 0 : Main.MISMATCH;
    }
}
