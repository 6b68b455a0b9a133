package ntsection.drivers.demo;

import ntsection.drivers.Catalogue;
import ntsection.vf.Harm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every cell of the demo's matrix, as `ntsection demo` runs it: each reference driver
 * blocks every attack aimed at it, each twin shows the harm its rule predicts and no
 * other, and each harm replays from the seed the cell reports.
 */
class DemoMatrixTest {
    private static Matrix matrix;

    @BeforeAll
    static void runTheDemo() {
        matrix = Matrix.runAll(Cell.DEFAULT_BUDGET);
    }

    static Stream<Arguments> cells() {
        return Catalogue.ENTRIES.stream().flatMap(driver -> Attacks.ALL.stream()
                .filter(attack -> attack.aims(Target.of(driver)))
                .map(attack -> Arguments.of(driver.serviceName(), attack.name())));
    }

    @ParameterizedTest(name = "{1} against {0}")
    @MethodSource("cells")
    void cellShowsWhatItsRulePredicts(String service, String attackName) {
        Catalogue.Entry driver = Catalogue.find(service).orElseThrow();
        Attack attack = Attacks.ALL.stream().filter(a -> a.name().equals(attackName)).findFirst().orElseThrow();
        Cell cell = matrix.cell(driver, attack);
        assertNotNull(cell);
        assertEquals(Expectations.of(driver, attack), cell.verdict(), () -> cell.harms().toString());
    }

    @Test
    void referenceRowsAreBlockedEverywhere() {
        for (Cell cell : matrix.cells()) {
            if (cell.driver().isReference()) assertEquals(Verdict.BLOCKED, cell.verdict(), cell.driver() + " " + cell.attack().name());
        }
    }

    @Test
    void everyTwinRowShowsSomeHarm() {
        for (Catalogue.Entry driver : Catalogue.ENTRIES) {
            if (driver.isReference()) continue;
            assertTrue(matrix.cells().stream().anyMatch(cell -> cell.driver() == driver && cell.verdict() != Verdict.BLOCKED),
                    driver.serviceName());
        }
    }

    @Test
    void attacksAimedElsewhereHaveNoCell() {
        Catalogue.Entry keyStore = Catalogue.find("kernel-only").orElseThrow();
        Attack unmap = Attacks.ALL.stream().filter(a -> a.name().equals("unmap-view")).findFirst().orElseThrow();
        assertNull(matrix.cell(keyStore, unmap));
    }

    @Test
    void aHarmfulCellReplaysFromItsSeed() {
        Catalogue.Entry twin = Catalogue.find("sv6-validate").orElseThrow();
        Attack race = Attacks.ALL.stream().filter(a -> a.name().equals("race-view")).findFirst().orElseThrow();
        Cell cell = matrix.cell(twin, race);
        Trial.Result again = Trial.run(twin, race, cell.seed());
        assertEquals(cell.harms(), again.harms());
        assertTrue(again.harms().stream().anyMatch(harm -> harm.kind() == Harm.Kind.BUG_CHECK));
    }
}
