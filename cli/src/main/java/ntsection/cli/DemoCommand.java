package ntsection.cli;

import ntsection.drivers.Catalogue;
import ntsection.drivers.demo.Attack;
import ntsection.drivers.demo.Attacks;
import ntsection.drivers.demo.Cell;
import ntsection.drivers.demo.Expectations;
import ntsection.drivers.demo.Matrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ntsection demo}: every reference driver and every twin against every attack
 * aimed at it, under the controlled scheduler from fixed seeds, as a matrix. Exit 0 when
 * every cell shows what its rule predicts.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run every reference driver and every vulnerable twin against the attacks and print the matrix:",
                "driver x attack -> blocked, bug-check, secret leaked, handle stolen, use after free, leak."},
        footer = {"", "Exit codes: 0 every cell as expected, 1 a cell differs, 2 bad usage."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--schedules", defaultValue = "" + Cell.DEFAULT_BUDGET, paramLabel = "N",
            description = "Schedules a cell may try, seeds 1..N, before it counts as blocked (default: ${DEFAULT-VALUE}).")
    int schedules;

    @Option(names = "--driver", paramLabel = "NAME", description = "Only this driver's row (repeatable).")
    List<String> drivers;

    @Option(names = "--attack", paramLabel = "NAME", description = "Only this attack's column (repeatable).")
    List<String> attacks;

    @Override
    public Integer call() {
        if (schedules < 1) throw new ParameterException(spec.commandLine(), "--schedules must be at least 1, not " + schedules);
        List<Catalogue.Entry> rows = drivers == null ? Catalogue.ENTRIES : drivers.stream().map(this::driver).toList();
        List<Attack> columns = attacks == null ? Attacks.ALL : attacks.stream().map(this::attack).toList();
        Matrix matrix = Matrix.run(rows, columns, schedules);
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == OutputFormat.json ? DemoReport.json(matrix) : DemoReport.text(matrix));
        out.flush();
        return matrix.cells().stream().allMatch(Expectations::met) ? 0 : Main.MISMATCH;
    }

    private Catalogue.Entry driver(String name) {
        return Catalogue.find(name).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "no driver '" + name + "' in the demo; `ntsection drivers` lists them"));
    }

    private Attack attack(String name) {
        return Attacks.ALL.stream().filter(attack -> attack.name().equals(name)).findFirst()
                .orElseThrow(() -> new ParameterException(spec.commandLine(), "no attack '" + name + "'; the attacks are "
                        + String.join(", ", Attacks.ALL.stream().map(Attack::name).toList())));
    }
}
