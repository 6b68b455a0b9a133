package ntsection.cli;

import ntsection.verifier.DriverJars;
import ntsection.verifier.json.JsonObject;
import ntsection.verifier.json.JsonReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `ntsection verify` and `ntsection replay` as a driver writer runs them in a build. */
class VerifyCommandTest {
    @TempDir
    Path folder;

    private Cli.Result verify(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "verify";
        all[1] = "--findings";
        all[2] = folder.resolve("findings").toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return Cli.run(all);
    }

    @Test
    void aReferenceDriverVerifiesCleanAndExitsZero() {
        Cli.Result result = verify("--driver", "shared-section", "--schedules", "60");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("60 schedules"), result.out());
        assertTrue(result.out().contains("no findings"), result.out());
        assertFalse(Files.exists(folder.resolve("findings/shared-section")), "nothing to save");
    }

    @Test
    void aTwinExitsOneWithItsRuleItsDriverFrameAndAFindingFileThatReplaysStepByStep() {
        Cli.Result result = verify("--driver", "sv5-guarded-access", "--schedules", "60");
        assertEquals(1, result.exitCode(), result.err());
        assertTrue(result.out().contains("SV5 guarded-access"), result.out());
        assertTrue(result.out().contains("at:        ntsection.drivers.ring.SharedViewDriver.serve(SharedViewDriver.java:"),
                result.out());
        Path file = folder.resolve("findings/sv5-guarded-access/finding-01-SV5.json");
        assertTrue(result.out().contains("ntsection replay " + file), result.out());

        Cli.Result replay = Cli.run("replay", file.toString());
        assertEquals(0, replay.exitCode(), replay.out() + replay.err());
        assertTrue(replay.out().contains("NtDeviceIoControlFile enters"), replay.out());
        assertTrue(replay.out().contains("breaks SV5 guarded-access"), replay.out());
        assertTrue(replay.out().contains("same run: every decision"), replay.out());
        assertTrue(replay.out().contains("the finding came back: SV5"), replay.out());
    }

    @Test
    void jsonHasTheDriverTheScheduleCountAndEachFindingsRuleLocationSeedAndSchedule() {
        Cli.Result result = verify("--driver", "sv10-physical-memory", "--schedules", "40", "--format", "json");
        assertEquals(1, result.exitCode(), result.err());
        JsonObject json = JsonReader.readObject(result.out());
        assertEquals("sv10-physical-memory", json.string("driver"));
        assertEquals(40, json.intValue("schedules"));
        List<JsonObject> findings = json.objects("findings");
        assertFalse(findings.isEmpty());
        for (JsonObject finding : findings) {
            assertEquals("SV10", finding.string("rule"));
            assertTrue(finding.string("location").contains("PhysicalMemoryBroker"), finding.string("location"));
            assertTrue(finding.get("seed") instanceof Number);
            assertFalse(finding.list("schedule").isEmpty());
        }
    }

    @Test
    void sarifGoesToTheOutputFile() throws Exception {
        Path sarif = folder.resolve("out/report.sarif");
        Cli.Result result = verify("--driver", "sv7-no-user-handle", "--schedules", "40", "--format", "sarif",
                "--output", sarif.toString());
        assertEquals(1, result.exitCode(), result.err());
        assertEquals("", result.out());
        JsonObject json = JsonReader.readObject(Files.readString(sarif));
        assertEquals("2.1.0", json.string("version"));
        assertTrue(Files.readString(sarif).contains("\"ruleId\": \"SV7\"") || Files.readString(sarif).contains("\"ruleId\":\"SV7\""));
    }

    @Test
    void aDriverFromAJarOnTheGivenClassPathIsVerifiedWithoutAnyChangeToNtsection() throws Exception {
        Path jar = DriverJars.jar(folder, "outside.jar", null, "com/example/outside/CounterDriver.java");
        Cli.Result result = verify("--driver", "com.example.outside.CounterDriver", "--classpath", jar.toString(),
                "--schedules", "40");
        assertEquals(1, result.exitCode(), result.err());
        assertTrue(result.out().contains("ntsection verify: outside-counter"), result.out());
        assertTrue(result.out().contains("SV5 guarded-access"), result.out());
        assertTrue(result.out().contains("com.example.outside.CounterDriver.deviceControl(CounterDriver.java:"), result.out());
        Cli.Result replay = Cli.run("replay", folder.resolve("findings/outside-counter/finding-01-SV5.json").toString());
        assertEquals(0, replay.exitCode(), replay.out() + replay.err());
    }

    @Test
    void badUsageExitsTwoWithAMessageNamingWhatIsWrong() {
        Cli.Result unknown = verify("--driver", "no-such-driver");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("no-such-driver"), unknown.err());
        Cli.Result missingJar = verify("--driver", "com.example.Nope", "--classpath", folder.resolve("nope.jar").toString());
        assertEquals(2, missingJar.exitCode());
        assertTrue(missingJar.err().contains("nope.jar"), missingJar.err());
        Cli.Result strategy = verify("--driver", "shared-view", "--strategy", "greedy");
        assertEquals(2, strategy.exitCode());
        assertTrue(strategy.err().contains("--strategy"), strategy.err());
        Cli.Result format = verify("--driver", "shared-view", "--format", "xml");
        assertEquals(2, format.exitCode());
        assertTrue(format.err().contains("--format"), format.err());
        Cli.Result zero = verify("--driver", "shared-view", "--schedules", "0");
        assertEquals(2, zero.exitCode());
        Cli.Result time = verify("--driver", "shared-view", "--time", "-1");
        assertEquals(2, time.exitCode());
        assertTrue(time.err().contains("--time"), time.err());
        Cli.Result noDevice = verify("--driver", "echo-filter");
        assertEquals(2, noDevice.exitCode(), noDevice.out());
        assertFalse(noDevice.err().contains("Exception"), noDevice.err());
    }

    @Test
    void replayOfAMissingOrForeignFileExitsTwo() throws Exception {
        Cli.Result missing = Cli.run("replay", folder.resolve("none.json").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("no such file"), missing.err());
        Path foreign = Files.writeString(folder.resolve("foreign.json"), "{\"format\": \"something else\"}");
        Cli.Result notOurs = Cli.run("replay", foreign.toString());
        assertEquals(2, notOurs.exitCode());
        assertTrue(notOurs.err().contains("not a finding file"), notOurs.err());
    }
}
