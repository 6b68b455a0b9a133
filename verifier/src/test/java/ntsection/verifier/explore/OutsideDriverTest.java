package ntsection.verifier.explore;

import ntsection.drivers.demo.Target;
import ntsection.verifier.DriverJars;
import ntsection.verifier.DriverSource;
import ntsection.verifier.Finding;
import ntsection.verifier.FindingFile;
import ntsection.vf.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A driver ntsection has never seen, from a jar built at test time: its device and
 * control codes are found by probing, generated programs reach its unguarded read of
 * the caller's buffer, and the finding replays from its file.
 */
class OutsideDriverTest {
    private static final String DRIVER = "com.example.outside.CounterDriver";

    @TempDir
    static Path folder;
    static Path jar;

    @BeforeAll
    static void build() throws Exception {
        jar = DriverJars.jar(folder, "outside.jar", null, "com/example/outside/CounterDriver.java");
    }

    private static Subject subject() throws Exception {
        return Subject.of(DRIVER, DriverSource.resolve(DRIVER, List.of(jar)));
    }

    @Test
    void probingFindsTheDeviceAndExactlyTheCodesItAnswers() throws Exception {
        Target target = Discovery.target(subject());
        assertEquals("\\Device\\OutsideCounter", target.device());
        assertEquals(List.of(0x222003, 0x222004), target.controlCodes());
        assertNull(target.family());
    }

    @Test
    void generatedProgramsFindTheUnguardedReadOfTheCallersBufferAsSv5AndItReplays() throws Exception {
        Explorer.Verification verification = Explorer.verify(subject(), Explorer.Options.defaults().withSchedules(40));
        List<Finding> findings = verification.report().findings();
        assertEquals(1, findings.size(), findings::toString);
        Finding finding = findings.getFirst();
        assertEquals(Rule.SV5, finding.rule());
        assertEquals(DRIVER, finding.location().className());
        assertEquals("deviceControl", finding.location().methodName());
        FindingFile file = verification.files().getFirst();
        assertEquals(DRIVER, file.driver());
        assertEquals(List.of(jar.toString()), file.classpath());
        Replayer.Replayed replayed = Replayer.replay(FindingFile.fromJson(file.toJson()));
        assertTrue(replayed.sameRun() && replayed.shown(), replayed::description);
    }
}
