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
    void driversListsEachDriverWithItsProtocolOrRule() {
        Cli.Result result = Cli.run("drivers");
        assertEquals(0, result.exitCode());
        List<String> lines = result.out().lines().toList();
        List<String> names = lines.stream().map(line -> line.split("\\s+")[0]).toList();
        assertEquals(List.of("echo", "echo-filter", "kernel-only", "physical-memory-broker", "shared-section", "shared-view"),
                names.stream().filter(name -> !name.startsWith("sv")).toList(), "the samples and the reference drivers");
        assertEquals(10, names.stream().filter(name -> name.matches("sv\\d+-.*")).count(), "one vulnerable twin per rule: " + names);
        assertTrue(lines.contains(String.format("%-28s %-9s %s", "sv5-guarded-access", "twin", "SV5 guarded-access")), result.out());
        assertTrue(lines.contains(String.format("%-28s %-9s %s", "shared-view", "reference", "protocol 2 shared-view")), result.out());
    }

    @Test
    void driversAsJsonNameKindAndProtocolOrRule() {
        Cli.Result result = Cli.run("drivers", "--format", "json");
        assertEquals(0, result.exitCode());
        String json = result.out().replaceAll("\\s+", "");
        assertTrue(json.startsWith("[{\"name\":\"echo\",\"kind\":\"other\"}"), json);
        assertTrue(json.contains("{\"name\":\"sv5-guarded-access\",\"kind\":\"twin\",\"rule\":\"SV5\"}"), json);
        assertTrue(json.contains("{\"name\":\"kernel-only\",\"kind\":\"reference\",\"protocol\":\"1kernel-only\"}"), json);
    }

    @Test
    void demoOfOneTwinAndItsAttackShowsTheHarmAndExitsZero() {
        Cli.Result result = Cli.run("demo", "--driver", "sv5-guarded-access", "--driver", "shared-view", "--attack", "unmap-view");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("bug-check: 0x0000003B SYSTEM_SERVICE_EXCEPTION"), result.out());
        assertTrue(result.out().contains("Every cell as expected"), result.out());
    }

    @Test
    void demoAsJsonReportsEachCellAgainstItsExpectation() {
        Cli.Result result = Cli.run("demo", "--format", "json", "--driver", "sv2-system-thread-map", "--attack", "view-scan");
        assertEquals(0, result.exitCode(), result.err());
        String json = result.out().replaceAll("\\s+", "");
        assertTrue(json.contains("\"result\":\"secretleaked\",\"expected\":\"secretleaked\""), json);
        assertTrue(json.endsWith("\"asExpected\":true}"), json);
    }

    @Test
    void demoRefusesAnUnknownAttackOrABudgetBelowOne() {
        Cli.Result unknown = Cli.run("demo", "--attack", "nope");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("no attack 'nope'; the attacks are handle-scan"), unknown.err());
        Cli.Result zero = Cli.run("demo", "--schedules", "0");
        assertEquals(2, zero.exitCode());
        assertTrue(zero.err().contains("--schedules must be at least 1"), zero.err());
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
