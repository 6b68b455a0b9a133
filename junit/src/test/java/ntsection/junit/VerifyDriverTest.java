package ntsection.junit;

import ntsection.drivers.keystore.KernelOnlyDriver;
import ntsection.drivers.ring.SharedViewDriver;
import ntsection.drivers.twins.RingSv5GuardedAccessTwin;
import ntsection.verifier.Finding;
import ntsection.verifier.FindingFile;
import ntsection.verifier.VerificationReport;
import ntsection.verifier.explore.Explorer;
import ntsection.verifier.explore.Replayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifyDriverTest {
    private static final Pattern REPLAY = Pattern.compile("ntsection replay (\\S+\\.json)");

    @TempDir
    Path findings;

    static class ReferenceSample {
        @VerifyDriver(service = "shared-view", schedules = 40)
        void sharedViewByService() {
        }

        @VerifyDriver(value = KernelOnlyDriver.class, schedules = 40)
        void keyStoreByClass() {
        }

        @VerifyDriver(value = RenamedRing.class, schedules = 40)
        void ownDriverFollowingTheProtocol() {
        }
    }

    @Test
    void referenceDriversPass() {
        SampleRun.tests(ReferenceSample.class, findings).assertStatistics(count -> count.started(3).succeeded(3));
    }

    static class TwinSample {
        @VerifyDriver(value = RingSv5GuardedAccessTwin.class, schedules = 40)
        void twin() {
            throw new IllegalStateException("the body runs only when the driver is clean");
        }
    }

    @Test
    void aTwinFailsWithTheRuleTheDriverFrameAndAFileThatReplays() throws Exception {
        Throwable failure = SampleRun.failure(TwinSample.class, findings);

        assertInstanceOf(AssertionFailedError.class, failure);
        String message = failure.getMessage();
        assertTrue(message.startsWith("ntsection verify: sv5-guarded-access\n"), message);
        assertTrue(message.contains("] SV5 guarded-access: "), message);
        // The twin serves the ring with the reference driver's code, outside the guard.
        assertTrue(message.contains("at:        " + SharedViewDriver.class.getName() + ".serve(SharedViewDriver.java:"),
                message);
        Path folder = findings.resolve(TwinSample.class.getCanonicalName() + ".twin").toAbsolutePath();
        assertTrue(message.contains("finding files in " + folder), message);

        List<Path> named = replayed(message);
        assertFalse(named.isEmpty(), message);
        for (Path file : named) assertEquals(folder, file.getParent());
        FindingFile first = FindingFile.load(named.getFirst());
        assertEquals(RingSv5GuardedAccessTwin.SERVICE_NAME, first.driver());
        assertTrue(Replayer.replay(first).shown(), named.getFirst().toString());
    }

    static class OwnDriverSample {
        @VerifyDriver(value = UnguardedRing.class, schedules = 40)
        void unguarded() {
        }
    }

    @Test
    void anOwnDriverLoadsUnderItsSimpleNameAndItsFindingFilesReplayFromWhereItCameFrom() throws Exception {
        String message = SampleRun.failure(OwnDriverSample.class, findings).getMessage();

        assertTrue(message.startsWith("ntsection verify: UnguardedRing\n"), message);
        assertTrue(message.contains("] SV5 guarded-access: "), message);
        FindingFile file = FindingFile.load(replayed(message).getFirst());
        assertEquals(UnguardedRing.class.getName(), file.driver());
        Path classes = Path.of(UnguardedRing.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertEquals(List.of(classes.toString()), file.classpath());
        assertTrue(Replayer.replay(file).shown(), file.toString());
    }

    static class JudgingSample {
        @VerifyDriver(service = "sv5-guarded-access", schedules = 40)
        void report(VerificationReport report) {
            assertTrue(report.findings().stream().map(Finding::ruleId).anyMatch("SV5"::equals), report.toString());
        }

        @VerifyDriver(service = "sv5-guarded-access", schedules = 40)
        void verification(Explorer.Verification verification) {
            assertEquals(verification.report().findings().size(), verification.files().size());
            assertFalse(verification.report().clean());
        }
    }

    @Test
    void aTestTakingTheReportJudgesTheFindingsItself() {
        SampleRun.tests(JudgingSample.class, findings).assertStatistics(count -> count.started(2).succeeded(2));
    }

    @Test
    void aRunsFindingFilesReplaceTheLastRuns() throws IOException {
        Path folder = findings.resolve(TwinSample.class.getCanonicalName() + ".twin");
        Files.createDirectories(folder);
        Path stale = Files.writeString(folder.resolve("finding-99-SV1.json"), "{}");

        SampleRun.failure(TwinSample.class, findings);

        assertFalse(Files.exists(stale));
    }

    @Test
    void findingsAreStillToldWhenTheirFilesCannotBeSaved() throws IOException {
        Path notAFolder = Files.writeString(findings.resolve("occupied"), "");

        String message = SampleRun.failure(TwinSample.class, notAFolder).getMessage();

        assertTrue(message.contains("] SV5 guarded-access: "), message);
        assertTrue(message.contains("the finding files could not be saved in " + notAFolder.toAbsolutePath()), message);
    }

    /** The files the report's replay lines name. */
    private static List<Path> replayed(String message) {
        return REPLAY.matcher(message).results().map(match -> Path.of(match.group(1))).toList();
    }
}
