package ntsection.cli;

import ntsection.Executive;
import ntsection.script.CallTable;
import ntsection.script.Compiler;
import ntsection.script.Parser;
import ntsection.script.Program;
import ntsection.script.Runner;
import ntsection.script.ScriptError;
import ntsection.script.ScriptResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code ntsection run FILE...}: checks every script first, so that a typo in the
 * last file stops the run before the first file's output scrolls by, then runs each
 * against a fresh executive.
 */
@Command(name = "run",
        description = "Run scenario scripts (.nts), each against a fresh executive, and check every step's expected outcome.",
        footer = {"",
                "Script lines:",
                "  process NAME [trusted]",
                "  exit NAME",
                "  @CONTEXT [NAME =] CALL(key=value, ...) [-> OUTCOME]",
                "OUTCOME: STATUS_NAME [FIELD=VALUE ...], or bugcheck [CODE]; none: any success.",
                "CONTEXT: a process name (its thread, user mode), kernel (a system worker",
                "thread), kernel:NAME (a dispatch routine in NAME's thread), guarded:NAME,",
                "guarded:kernel.",
                "",
                "Exit codes: 0 every expectation held, 1 a mismatch, 2 a script that cannot be parsed."})
final class RunCommand implements Callable<Integer> {
    private final Supplier<Executive> boot;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Scenario scripts to run, in order; a directory stands for its *.nts files, sorted by name.")
    List<Path> files;

    @Spec
    CommandSpec spec;

    RunCommand(Supplier<Executive> boot) {
        this.boot = boot;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Every executive has the same object types and drivers; a throwaway one tells their names.
        Executive names = Executive.boot();
        Compiler compiler = new Compiler(CallTable.standard(), names.ob().types().all().keySet(), names.io().driverNames());
        List<Program> programs = new ArrayList<>();
        boolean unusable = false;
        for (Path file : expand(files, err)) {
            if (file == null) {
                unusable = true;
                continue;
            }
            try {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                programs.add(compiler.compile(file.toString(), Parser.parse(file.toString(), source)));
            } catch (ScriptError error) {
                err.println(error.describe());
                unusable = true;
            } catch (NoSuchFileException missing) {
                err.println("ntsection run: cannot read " + file + ": no such file");
                unusable = true;
            } catch (IOException unreadable) {
                err.println("ntsection run: cannot read " + file + ": " + unreadable.getMessage());
                unusable = true;
            }
        }
        if (unusable) return Main.USAGE;

        ScriptResult total = new ScriptResult(0, 0);
        Runner runner = new Runner(out);
        for (Program program : programs) {
            out.println("== " + program.file());
            ScriptResult result = runner.run(program, boot.get());
            if (programs.size() > 1) out.println(program.file() + ": " + result.shown());
            total = total.plus(result);
        }
        out.println(total.shown());
        out.flush();
        return total.failed() == 0 ? 0 : Main.MISMATCH;
    }

    /** Directories become their scripts; an empty or unreadable directory is an error, marked by a null. */
    private static List<Path> expand(List<Path> arguments, PrintWriter err) {
        List<Path> scripts = new ArrayList<>();
        for (Path argument : arguments) {
            if (!Files.isDirectory(argument)) {
                scripts.add(argument);
                continue;
            }
            try (Stream<Path> listing = Files.list(argument)) {
                List<Path> found = listing.filter(p -> p.getFileName().toString().endsWith(".nts")).sorted().toList();
                if (found.isEmpty()) {
                    err.println("ntsection run: " + argument + " holds no .nts scripts");
                    scripts.add(null);
                }
                scripts.addAll(found);
            } catch (IOException unreadable) {
                err.println("ntsection run: cannot list " + argument + ": " + unreadable.getMessage());
                scripts.add(null);
            }
        }
        return scripts;
    }
}
