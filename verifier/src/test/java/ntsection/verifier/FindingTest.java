package ntsection.verifier;

import ntsection.vf.Harm;
import ntsection.vf.Rule;
import ntsection.vf.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FindingTest {

    @Test
    void aViolationBecomesAFindingWithItsRun() {
        Finding finding = Samples.doubleFetch();
        assertEquals(Rule.SV6, finding.rule());
        assertNull(finding.harm());
        assertEquals("SV6", finding.ruleId());
        assertEquals("validate", finding.ruleName());
        assertEquals("ntsection.drivers.twins.Sv6ValidateTwin.deviceControl(Sv6ValidateTwin.java:88)",
                finding.location().describe());
        assertEquals("ntsection.drivers.twins.Sv6ValidateTwin", finding.location().className());
        assertEquals("deviceControl", finding.location().methodName());
        assertEquals("Sv6ValidateTwin.java", finding.location().fileName());
        assertEquals(88, finding.location().line());
        assertEquals("Process attacker.exe (pid 12)", finding.process());
        assertEquals("Thread 3 of attacker.exe", finding.thread());
        assertEquals("Section \\BaseNamedObjects\\Ring", finding.object());
        assertEquals(17, finding.step());
        assertEquals(42, finding.seed());
        assertEquals("pct", finding.strategy());
        assertEquals(List.of(0, 0, 1, 1, 0, 1, 0), finding.schedule());
        assertArrayEquals(new int[] {0, 0, 1, 1, 0, 1, 0}, finding.scheduleArray());
    }

    @Test
    void theLocationTextIsTheViolations() {
        Violation violation = new Violation(Rule.SV1, "m", Samples.SV6_FRAME, null, null, null, -1);
        Finding finding = Finding.of(violation, 0, Strategies.RANDOM, new int[0], List.of());
        assertEquals(violation.location(), finding.location().describe());
    }

    @Test
    void aViolationWithoutADriverFrameHasNoLocation() {
        Violation violation = new Violation(Rule.SV9, "a reference was still held at unload", null, null, null, "Section", -1);
        assertNull(Finding.of(violation, 0, Strategies.EXHAUSTIVE, new int[0], List.of()).location());
    }

    @Test
    void anOraclesFindingHasAHarmAndNoRule() {
        Finding finding = Samples.bugCheck();
        assertNull(finding.rule());
        assertEquals("bug-check", finding.harm());
        assertEquals("ORACLE-bug-check", finding.ruleId());
        assertEquals("bug-check", finding.ruleName());
    }

    @Test
    void everyHarmKindHasAnOracleRule() {
        for (Harm.Kind kind : Harm.Kind.values()) {
            OracleRule oracle = OracleRule.forHarm(kind);
            assertEquals(kind, oracle.kind());
            assertEquals(oracle, OracleRule.forHarm(kind.label()));
        }
        assertEquals("ORACLE-use-after-free", OracleRule.forHarm("use after free").id());
        assertEquals("ORACLE-secret-leaked", OracleRule.forHarm("secret leaked").id());
    }

    @Test
    void aFindingNeedsARuleOrAKnownHarmAndAKnownStrategy() {
        assertThrows(IllegalArgumentException.class, () -> new Finding(null, null, "m", null, null, null, null, -1, 0,
                Strategies.RANDOM, List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Finding(null, "meltdown", "m", null, null, null, null, -1, 0,
                Strategies.RANDOM, List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Finding(Rule.SV1, null, "m", null, null, null, null, -1, 0,
                "dfs", List.of(), List.of()));
    }

    @Test
    void aShrunkScheduleReplacesTheOldOne() {
        Finding shrunk = Samples.doubleFetch().withSchedule(new int[] {1, 0});
        assertEquals(List.of(1, 0), shrunk.schedule());
        assertEquals(Samples.doubleFetch().message(), shrunk.message());
        assertEquals("secret leaked", Samples.doubleFetch().withHarm("secret leaked").harm());
    }

    @Test
    void sourcePathsAreGuessedFromTheClassName() {
        assertEquals("ntsection/drivers/twins/Sv6ValidateTwin.java", Samples.doubleFetch().location().sourcePath());
        assertEquals("ntsection/drivers/twins/Sv5GuardedAccessTwin.java", Samples.unguarded().location().sourcePath());
        assertEquals("a/b/Outer.java", new Location("a.b.Outer$Inner$1", "run", null, -1).sourcePath());
        assertEquals("Top.java", new Location("Top", "main", "Top.java", 3).sourcePath());
        assertEquals("a.b.Outer$Inner$1.run(Unknown Source)", new Location("a.b.Outer$Inner$1", "run", null, -1).describe());
        assertEquals("Top.main(Top.java)", new Location("Top", "main", "Top.java", -1).describe());
    }

    @Test
    void locationsPrintAsStackTracesDo() {
        StackTraceElement here = new Throwable().getStackTrace()[0];
        assertEquals(here.toString(), Location.of(here).describe());
    }
}
