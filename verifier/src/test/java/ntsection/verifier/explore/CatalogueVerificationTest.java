package ntsection.verifier.explore;

import ntsection.drivers.Catalogue;
import ntsection.verifier.Finding;
import ntsection.verifier.FindingFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verifier's promise on the drivers ntsection ships, within the default budget: no
 * finding on a reference driver; on each twin its own rule and no other, every finding
 * replaying from its saved file as the same run.
 */
class CatalogueVerificationTest {
    static final List<Catalogue.Entry> DRIVERS = Catalogue.ENTRIES;

    @ParameterizedTest
    @FieldSource("DRIVERS")
    void referenceDriverIsCleanAndEachTwinBreaksOnlyItsOwnRuleAndEveryFindingReplays(Catalogue.Entry driver)
            throws Exception {
        Explorer.Verification verification = Explorer.verify(Subject.shipped(driver.serviceName()),
                Explorer.Options.defaults());
        assertEquals(Explorer.DEFAULT_SCHEDULES, verification.report().schedules());
        Set<String> rules = new TreeSet<>();
        for (Finding finding : verification.report().findings()) rules.add(finding.ruleId());
        assertEquals(driver.isReference() ? Set.of() : Set.of(driver.rule().name()), rules,
                () -> driver.serviceName() + ": " + verification.report().findings());
        assertEquals(List.of(), verification.warnings());
        for (FindingFile file : verification.files()) {
            Replayer.Replayed replayed = Replayer.replay(FindingFile.fromJson(file.toJson()));
            assertTrue(replayed.sameRun() && replayed.shown(), () -> file.finding() + " did not replay: "
                    + replayed.description());
        }
    }
}
