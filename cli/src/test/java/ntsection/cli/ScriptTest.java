package ntsection.cli;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tests that write a script from lines, run it through the command line, and read the verdict. */
abstract class ScriptTest {
    @TempDir
    Path directory;

    Cli.Result run(String... lines) {
        return Cli.run("run", Cli.script(directory, "test.nts", lines));
    }

    static void assertPasses(Cli.Result result) {
        assertEquals(0, result.exitCode(), result.out() + result.err());
        assertTrue(result.lastLine().endsWith(" passed, 0 failed"), result.out());
    }
}
