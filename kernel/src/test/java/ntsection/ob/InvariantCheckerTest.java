package ntsection.ob;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The checker the test extension runs after every test must see a wrong count. */
class InvariantCheckerTest extends ObTestBase {

    @Test
    void consistentExecutiveHasNoProblems() {
        userEvent(alice, "\\BaseNamedObjects\\fine", 0);
        assertEquals(List.of(), InvariantChecker.check(system.ob()));
    }

    @Test
    void handleCountDisagreeingWithTheTablesIsReported() {
        KernelObject event = objectOf(alice, userEvent(alice, null, 0));
        event.handleCount++;
        List<String> problems = InvariantChecker.check(system.ob());
        event.handleCount--;
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.getFirst().contains("handle count 2 but 1"), problems.getFirst());
    }

    @Test
    void pointerCountBelowHandlesNameAndChildrenIsReported() {
        KernelObject event = objectOf(alice, userEvent(alice, "\\BaseNamedObjects\\low", 0));
        event.decrementPointerCount();
        List<String> problems = InvariantChecker.check(system.ob());
        event.incrementPointerCount();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.getFirst().contains("pointer count 1, below the 2"), problems.getFirst());
    }
}
