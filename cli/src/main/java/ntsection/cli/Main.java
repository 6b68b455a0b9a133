package ntsection.cli;

import ntsection.Executive;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The {@code ntsection} command. Exit codes: 0 all expectations held, 1 a mismatch,
 * 2 bad usage or a script that cannot be parsed, 3 an internal error.
 */
@Command(name = "ntsection", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "An executable model of the Windows NT executive's section objects and views.",
        footer = {"", "Exit codes: 0 every expectation held, 1 a mismatch, 2 bad usage or a script error, 3 an internal error."})
public final class Main implements Callable<Integer> {
    static final int MISMATCH = 1;
    static final int USAGE = 2;
    static final int INTERNAL_ERROR = 3;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print the stack trace of an internal error.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs the command line in this JVM and returns its exit code. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        return execute(args, out, err, Executive::boot);
    }

    /** As {@link #execute(String[], PrintStream, PrintStream)}, booting each executive with {@code boot}. */
    static int execute(String[] args, PrintStream out, PrintStream err, Supplier<Executive> boot) {
        Main main = new Main();
        PrintWriter errors = new PrintWriter(err, true);
        CommandLine commandLine = new CommandLine(main)
                .addSubcommand("run", new RunCommand(boot))
                .addSubcommand("drivers", new DriversCommand(boot))
                .addSubcommand("demo", new DemoCommand())
                .addSubcommand("verify", new VerifyCommand(err, err == System.err && System.console() != null))
                .addSubcommand("replay", new ReplayCommand())
                .setOut(new PrintWriter(out, true))
                .setErr(errors)
                .setParameterExceptionHandler((exception, arguments) -> {
                    CommandLine command = exception.getCommandLine();
                    errors.println(command.getCommandSpec().qualifiedName() + ": " + exception.getMessage());
                    errors.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
                    return USAGE;
                })
                .setExecutionExceptionHandler((exception, failed, parseResult) -> {
                    errors.println("ntsection: internal error: " + exception);
                    if (main.debug) exception.printStackTrace(errors);
                    return INTERNAL_ERROR;
                });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("ntsection: missing command (demo, verify, replay, run, drivers)");
        spec.commandLine().usage(err);
        return USAGE;
    }
}
