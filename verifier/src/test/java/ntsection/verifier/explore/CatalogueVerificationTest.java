package ntsection.verifier.explore;

import ntsection.drivers.Catalogue;
import ntsection.verifier.Finding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CatalogueVerificationTest {
    static final List<Catalogue.Entry> DRIVERS = Catalogue.ENTRIES;

    @ParameterizedTest
    @FieldSource("DRIVERS")
    void referenceDriversAreCleanAndEachTwinBreaksOnlyItsRule(Catalogue.Entry driver) {
        Explorer.Verification verification = Explorer.verify(Subject.shipped(driver.serviceName()),
                Explorer.Options.defaults());
        Set<String> ids = new TreeSet<>();
        for (Finding finding : verification.report().findings()) ids.add(finding.ruleId());
        for (Finding finding : verification.report().findings()) System.out.println(driver.serviceName() + ": " + finding + " harm=" + finding.harm() + " calls=" + finding.calls());
        System.out.println(driver.serviceName() + " " + verification.report().schedules() + " schedules in " + verification.report().elapsedSeconds() + " s; warnings " + verification.warnings());
        assertEquals(driver.isReference() ? Set.of() : Set.of(driver.rule().name()), ids, driver.serviceName());
    }
}
