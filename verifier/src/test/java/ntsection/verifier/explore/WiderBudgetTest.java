package ntsection.verifier.explore;

import ntsection.drivers.Catalogue;
import ntsection.verifier.Finding;
import ntsection.verifier.Strategies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Five times the default budget from other seeds, where generated programs reached what
 * the default budget did not: a caller unmapping its ring before the connect completed
 * (not a private view: its base went back), a caller passing back the handle the driver
 * gave it (SV7, not SV1), and a private view touched after user mode unmapped it (SV2's
 * consequence, not SV5).
 */
class WiderBudgetTest {
    static final List<Catalogue.Entry> DRIVERS = Catalogue.ENTRIES;

    @ParameterizedTest
    @FieldSource("DRIVERS")
    void aThousandSchedulesStillFindOnlyEachTwinsOwnRuleAndNothingOnTheReferences(Catalogue.Entry driver) {
        Explorer.Verification verification = Explorer.verify(Subject.shipped(driver.serviceName()),
                Explorer.Options.defaults().withSeed(5000).withSchedules(1000));
        Set<String> rules = new TreeSet<>();
        for (Finding finding : verification.report().findings()) rules.add(finding.ruleId());
        assertEquals(driver.isReference() ? Set.of() : Set.of(driver.rule().name()), rules,
                () -> verification.report().findings().toString());
    }

    @Test
    void aRingTheCallerUnmapsBeforeTheConnectCompletesWasStillHandedToIt() {
        Explorer.Verification verification = Explorer.verify(Subject.shipped("shared-view"),
                Explorer.Options.defaults().withStrategy(Strategies.RANDOM).withSeed(3132).withSchedules(1));
        assertEquals(List.of(), verification.report().findings());
    }
}
