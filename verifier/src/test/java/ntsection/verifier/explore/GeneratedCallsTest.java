package ntsection.verifier.explore;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A generated program is a function of its seed and the driver's codes: a finding's seed brings it back. */
class GeneratedCallsTest {
    private static final List<Integer> CODES = List.of(0x222003, 0x222004);

    @Test
    void aSeedAlwaysGeneratesTheSameRequestsAndOtherSeedsOthers() {
        assertEquals(new GeneratedCalls(CODES, 42).calls(), new GeneratedCalls(CODES, 42).calls());
        assertNotEquals(new GeneratedCalls(CODES, 42).calls(), new GeneratedCalls(CODES, 43).calls());
        for (long seed = 0; seed < 50; seed++) {
            for (String call : new GeneratedCalls(CODES, seed).calls()) {
                assertTrue(call.startsWith("#") && (call.contains("0x00222003") || call.contains("0x00222004"))
                        || call.startsWith("meddler"), call);
            }
        }
    }

    @Test
    void keepingSomeRequestsSendsOnlyThoseUnderTheirOwnNumbers() {
        GeneratedCalls all = new GeneratedCalls(CODES, 5);
        int last = all.kept().getLast();
        GeneratedCalls one = all.keeping(List.of(last));
        assertEquals(List.of(last), one.kept());
        assertEquals(all.calls().get(last), one.calls().getFirst());
        assertThrows(IllegalArgumentException.class, () -> all.keeping(List.of(last + 1)));
    }
}
