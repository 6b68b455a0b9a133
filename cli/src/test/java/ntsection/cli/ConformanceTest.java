package ntsection.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every scenario under conformance/ must pass against a fresh executive: each file is
 * one family of NT behaviour taken from the spec, and a failing line names the case.
 */
class ConformanceTest {
    static final Path CONFORMANCE = Path.of("..", "conformance");

    static List<Path> scripts() throws IOException {
        try (Stream<Path> files = Files.list(CONFORMANCE)) {
            List<Path> found = files.filter(p -> p.toString().endsWith(".nts")).sorted().toList();
            assertFalse(found.isEmpty(), "no conformance scripts under " + CONFORMANCE.toAbsolutePath());
            return found;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void conformanceScriptPasses(Path script) {
        Cli.Result result = Cli.run("run", script.toString());
        assertEquals(0, result.exitCode(), () -> result.out() + result.err());
    }
}
