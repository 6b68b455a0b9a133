package ntsection.verifier.explore;

import ntsection.verifier.Finding;
import ntsection.verifier.FindingFile;
import ntsection.verifier.Strategies;
import ntsection.vf.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How an exploration spends its budget, and that what it finds depends only on its options. */
class ExplorationTest {
    private static final Subject SV5_TWIN = Subject.shipped("sv5-guarded-access");

    @Test
    void theSameSeedAndBudgetFindTheSameFindingsWithTheSameSchedulesOnOneThreadOrTwo() {
        Explorer.Options options = Explorer.Options.defaults().withSeed(7).withSchedules(60);
        List<Finding> one = Explorer.verify(SV5_TWIN, options.withThreads(1)).report().findings();
        List<Finding> two = Explorer.verify(SV5_TWIN, options.withThreads(2)).report().findings();
        assertEquals(one, two);
    }

    @ParameterizedTest
    @ValueSource(strings = {Strategies.RANDOM, Strategies.PCT, Strategies.EXHAUSTIVE})
    void everyStrategyFindsTheUnguardedAccessOfTheSv5Twin(String strategy) {
        Explorer.Verification verification = Explorer.verify(SV5_TWIN,
                Explorer.Options.defaults().withStrategy(strategy).withSchedules(100));
        assertTrue(verification.report().findings().stream().anyMatch(finding -> finding.rule() == Rule.SV5),
                () -> strategy + ": " + verification.report().findings());
        assertEquals(strategy, verification.report().strategy());
        assertTrue(verification.report().schedules() <= 100);
    }

    @Test
    void aTimeBudgetAloneEndsTheExploration() {
        Explorer.Verification verification = Explorer.verify(Subject.shipped("shared-view"), Explorer.Options.defaults()
                .withSchedules(Long.MAX_VALUE).withTime(Duration.ofMillis(300)));
        assertTrue(verification.report().schedules() > 0);
        assertTrue(verification.report().elapsedSeconds() < 30, "it stopped");
        assertTrue(verification.report().clean());
    }

    @Test
    void stoppingAtTheFirstFindingLeavesMostOfTheBudget() {
        Explorer.Verification verification = Explorer.verify(SV5_TWIN, Explorer.Options.defaults().withThreads(1)
                .withSchedules(1000).stoppingAtFirstFinding());
        assertTrue(verification.report().schedules() < 1000, () -> "ran " + verification.report().schedules());
        assertTrue(!verification.report().clean());
    }

    @Test
    void aShrunkGeneratedFindingKeepsFewerRequestsAndAShorterDecisivePrefixAndStillReplays() throws Exception {
        Explorer.Verification verification = Explorer.verify(Subject.shipped("sv9-dereference"),
                Explorer.Options.defaults().withSchedules(40));
        FindingFile generated = verification.files().stream()
                .filter(file -> GeneratedCalls.NAME.equals(file.parameters().get(Program.ATTACK)))
                .findFirst().orElseThrow(() -> new AssertionError("no finding from a generated program: " + verification.files()));
        int explored = Integer.parseInt(generated.parameters().get("explored-requests"));
        String kept = generated.parameters().get(Program.KEPT);
        int requests = kept.equals("all") ? explored : kept.split(",").length;
        assertTrue(requests <= explored && requests >= 1, kept + " of " + explored);
        assertTrue(Integer.parseInt(generated.parameters().get("decisive-steps"))
                <= Integer.parseInt(generated.parameters().get("explored-decisions")));
        Replayer.Replayed replayed = Replayer.replay(generated);
        assertTrue(replayed.sameRun() && replayed.shown(), replayed::description);
    }

    @Test
    void optionsRefuseWhatCannotBeExplored() {
        Explorer.Options defaults = Explorer.Options.defaults();
        assertThrows(IllegalArgumentException.class, () -> defaults.withSchedules(0));
        assertThrows(IllegalArgumentException.class, () -> defaults.withThreads(0));
        assertThrows(IllegalArgumentException.class, () -> defaults.withStrategy(Strategies.REPLAY));
        assertThrows(IllegalArgumentException.class, () -> defaults.withStrategy("greedy"));
    }
}
