package ntsection.cli;

import ntsection.verifier.DriverSource;
import ntsection.verifier.DriverSourceException;
import ntsection.verifier.Finding;
import ntsection.verifier.FindingFile;
import ntsection.verifier.ReportFormat;
import ntsection.verifier.Strategies;
import ntsection.verifier.TextReport;
import ntsection.verifier.explore.Explorer;
import ntsection.verifier.explore.Progress;
import ntsection.verifier.explore.Subject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ntsection verify}: explores a driver (shipped, or a class from the user's class
 * path) under the controlled scheduler with the attacks and generated programs, and
 * reports every rule it breaks and every harm an oracle saw, each shrunk and saved as a
 * finding file that {@code ntsection replay} re-runs.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Explore a driver under the controlled scheduler and report every protocol rule (SV1-SV10) it breaks"
                + " and every harm the oracles see, each with a schedule that replays it.",
        footer = {"", "Exit codes: 0 no findings, 1 findings, 2 bad usage (an unknown driver, a bad class path or option)."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--driver", required = true, paramLabel = "NAME|CLASS",
            description = "A service name (`ntsection drivers` lists them) or a class implementing ntsection.io.Driver.")
    String driver;

    @Option(names = "--classpath", paramLabel = "JARS", split = ":",
            description = "Jars or class folders holding the driver, separated by ':' (repeatable).")
    List<Path> classpath = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "The first run's seed; run i uses N+i (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--schedules", paramLabel = "N",
            description = "The most schedules to explore (default: " + Explorer.DEFAULT_SCHEDULES
                    + ", or no limit when only --time is given).")
    Long schedules;

    @Option(names = "--time", paramLabel = "SECONDS", description = "The most seconds to explore for (shrinking comes after).")
    Double seconds;

    @Option(names = "--strategy", defaultValue = Strategies.RANDOM, paramLabel = "random|pct|exhaustive",
            description = "random (seeded random walk), pct (probabilistic concurrency testing) or exhaustive (bounded"
                    + " preemptions) (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json|sarif",
            description = "The report's format (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--findings", defaultValue = "ntsection-findings", paramLabel = "DIR",
            description = "Where each finding is saved as a finding file for `ntsection replay` (default: ${DEFAULT-VALUE}).")
    Path findingsFolder;

    @Option(names = "--threads", paramLabel = "N", description = "Systems explored at once (default: the number of cores).")
    Integer threads;

    private final PrintStream terminal;
    private final boolean interactive;

    VerifyCommand(PrintStream terminal, boolean interactive) {
        this.terminal = terminal;
        this.interactive = interactive;
    }

    @Override
    public Integer call() throws IOException {
        Explorer.Options options = options();
        ReportFormat reportFormat = reportFormat();
        Subject subject;
        try {
            subject = Subject.of(driver, DriverSource.resolve(driver, classpath));
        } catch (DriverSourceException unknown) {
            throw new ParameterException(spec.commandLine(), unknown.getMessage());
        }
        Progress progress = interactive ? new TerminalProgress(terminal, subject.serviceName()) : Progress.NONE;
        Explorer.Verification verification;
        try {
            verification = Explorer.verify(subject, options.withProgress(progress));
        } catch (IllegalArgumentException cannot) {
            // The driver does not load, makes no device, or answers no control code: nothing to explore.
            spec.commandLine().getErr().println("ntsection verify: " + cannot.getMessage());
            return Main.USAGE;
        }
        Map<Finding, Path> saved = save(verification);
        String report = reportFormat == ReportFormat.TEXT ? TextReport.render(verification.report(), saved)
                : reportFormat.render(verification.report());
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(report);
            out.flush();
        } else {
            Path folder = output.toAbsolutePath().getParent();
            if (folder != null) Files.createDirectories(folder);
            Files.writeString(output, report, StandardCharsets.UTF_8);
        }
        for (String warning : verification.warnings()) spec.commandLine().getErr().println("ntsection verify: warning: " + warning);
        return verification.report().clean() ? 0 : Main.MISMATCH;
    }

    private Explorer.Options options() {
        Explorer.Options options = Explorer.Options.defaults().withSeed(seed);
        if (!Strategies.ALL.contains(strategy) || Strategies.REPLAY.equals(strategy)) {
            throw new ParameterException(spec.commandLine(), "--strategy must be random, pct or exhaustive, not '" + strategy + "'");
        }
        options = options.withStrategy(strategy);
        if (schedules != null && schedules < 1) {
            throw new ParameterException(spec.commandLine(), "--schedules must be at least 1, not " + schedules);
        }
        if (seconds != null && !(seconds > 0 && seconds <= Duration.ofDays(365).toSeconds())) {
            throw new ParameterException(spec.commandLine(), "--time must be a number of seconds above 0, not " + seconds);
        }
        if (seconds != null) options = options.withTime(Duration.ofNanos((long) (seconds * 1e9)));
        if (schedules != null) options = options.withSchedules(schedules);
        else if (seconds != null) options = options.withSchedules(Long.MAX_VALUE);
        if (threads != null) {
            if (threads < 1) throw new ParameterException(spec.commandLine(), "--threads must be at least 1, not " + threads);
            options = options.withThreads(threads);
        }
        return options;
    }

    private ReportFormat reportFormat() {
        try {
            return ReportFormat.parse(format);
        } catch (IllegalArgumentException unknown) {
            throw new ParameterException(spec.commandLine(), "--format must be text, json or sarif, not '" + format + "'");
        }
    }

    /**
     * Each finding as a finding file, in a folder per driver under the findings folder;
     * a clean run still clears what an earlier run of the driver left there.
     */
    private Map<Finding, Path> save(Explorer.Verification verification) throws IOException {
        Path folder = findingsFolder.resolve(verification.report().driver());
        if (verification.files().isEmpty() && !Files.isDirectory(folder)) return Map.of();
        return FindingFile.saveAll(folder, verification.files());
    }
}
