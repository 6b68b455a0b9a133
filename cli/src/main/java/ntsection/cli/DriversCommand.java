package ntsection.cli;

import ntsection.Executive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code ntsection drivers}: the service names a script's {@code driver NAME} line can load, one a line. */
@Command(name = "drivers", mixinStandardHelpOptions = true,
        description = "List the drivers this build can load (the names for a script's 'driver NAME' line).")
final class DriversCommand implements Callable<Integer> {
    private final Supplier<Executive> boot;

    @Spec
    CommandSpec spec;

    DriversCommand(Supplier<Executive> boot) {
        this.boot = boot;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boot.get().io().driverNames().stream().sorted().forEach(out::println);
        return 0;
    }
}
