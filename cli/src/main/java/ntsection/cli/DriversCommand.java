package ntsection.cli;

import ntsection.Executive;
import ntsection.drivers.Catalogue;
import ntsection.verifier.json.JsonWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code ntsection drivers}: every driver this build can load (the names for a script's
 * {@code driver NAME} line), each with the protocol it follows or the rule its twin
 * breaks; drivers outside the catalogue (the I/O samples, a user's own) are "other".
 */
@Command(name = "drivers", mixinStandardHelpOptions = true,
        description = "List the drivers this build can load, with the protocol each follows or the rule each twin breaks.")
final class DriversCommand implements Callable<Integer> {
    private final Supplier<Executive> boot;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    DriversCommand(Supplier<Executive> boot) {
        this.boot = boot;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<String> names = boot.get().io().driverNames().stream().sorted().toList();
        if (format == OutputFormat.json) {
            out.print(JsonWriter.write(names.stream().map(DriversCommand::describe).toList()));
        } else {
            for (String name : names) {
                Optional<Catalogue.Entry> entry = Catalogue.find(name);
                out.printf("%-28s %-9s %s%n", name, entry.map(Catalogue.Entry::kind).orElse("other"),
                        entry.map(Catalogue.Entry::what).orElse(""));
            }
        }
        out.flush();
        return 0;
    }

    private static Map<String, Object> describe(String name) {
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", name);
        Optional<Catalogue.Entry> entry = Catalogue.find(name);
        driver.put("kind", entry.map(Catalogue.Entry::kind).orElse("other"));
        entry.ifPresent(known -> {
            if (known.isReference()) driver.put("protocol", known.family().protocol());
            else driver.put("rule", known.rule().name());
        });
        return driver;
    }
}
