package ntsection.cli;

import ntsection.Executive;
import ntsection.testing.Systems;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/** Runs the command line in this JVM, as a user would from a shell, and captures what it prints. */
final class Cli {
    record Result(int exitCode, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    private Cli() {
    }

    static Result run(String... args) {
        return run(Systems::boot, args);
    }

    static Result run(Supplier<Executive> boot, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), boot);
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Writes a script into {@code directory} and returns its path as a command-line argument. */
    static String script(Path directory, String name, String... lines) {
        try {
            return Files.writeString(directory.resolve(name), String.join("\n", lines) + "\n").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One of the example scripts under src/test/resources/scripts. */
    static String example(String name) {
        try {
            return Path.of(Cli.class.getResource("/scripts/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
