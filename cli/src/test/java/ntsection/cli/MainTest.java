package ntsection.cli;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The command line's contract with a shell: help, version, usage errors and internal errors. */
class MainTest {
    @TempDir
    Path directory;

    @Test
    void helpListsTheRunCommand() {
        Cli.Result result = Cli.run("--help");
        assertEquals(0, result.exitCode());
        assertTrue(result.out().contains("run"), result.out());
    }

    @Test
    void driversListsTheLoadableDriversOneALine() {
        Cli.Result result = Cli.run("drivers");
        assertEquals(0, result.exitCode());
        List<String> drivers = result.out().lines().toList();
        assertEquals(List.of("echo", "echo-filter", "kernel-only", "physical-memory-broker", "shared-section", "shared-view"),
                drivers.stream().filter(name -> !name.startsWith("sv")).toList(), "the samples and the reference drivers");
        assertEquals(10, drivers.stream().filter(name -> name.matches("sv\\d+-.*")).count(), "one vulnerable twin per rule: " + drivers);
    }

    @Test
    void versionNamesTheProduct() {
        Cli.Result result = Cli.run("--version");
        assertEquals(0, result.exitCode());
        assertTrue(result.out().startsWith("ntsection "), result.out());
    }

    @Test
    void noCommandIsAUsageError() {
        Cli.Result result = Cli.run();
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("missing command"), result.err());
    }

    @Test
    void unknownCommandIsNamedWithoutAStackTrace() {
        Cli.Result result = Cli.run("frob");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("'frob'"), result.err());
        assertFalse(result.err().contains("\tat "), result.err());
    }

    @Test
    void runNeedsAFile() {
        Cli.Result result = Cli.run("run");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("FILE"), result.err());
    }

    @Test
    void missingFileIsAUsageError() {
        Cli.Result result = Cli.run("run", directory.resolve("absent.nts").toString());
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("absent.nts: no such file"), result.err());
    }

    @Test
    void internalErrorIsOneLineAndExitThree() {
        String script = Cli.script(directory, "a.nts", "process alice");
        Cli.Result result = Cli.run(() -> {
            throw new IllegalStateException("boom");
        }, "run", script);
        assertEquals(3, result.exitCode());
        assertEquals("ntsection: internal error: java.lang.IllegalStateException: boom", result.err().strip());
    }

    @Test
    void debugShowsTheStackTraceOfAnInternalError() {
        String script = Cli.script(directory, "a.nts", "process alice");
        Cli.Result result = Cli.run(() -> {
            throw new IllegalStateException("boom");
        }, "--debug", "run", script);
        assertEquals(3, result.exitCode());
        assertTrue(result.err().contains("\tat "), result.err());
    }

    @Test
    void debugMayFollowTheSubcommand() {
        String script = Cli.script(directory, "a.nts", "process alice");
        Cli.Result result = Cli.run(() -> {
            throw new IllegalStateException("boom");
        }, "run", "--debug", script);
        assertEquals(3, result.exitCode());
        assertTrue(result.err().contains("\tat "), result.err());
    }
}
