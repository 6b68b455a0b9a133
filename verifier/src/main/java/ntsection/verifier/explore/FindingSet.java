package ntsection.verifier.explore;

import ntsection.vf.Harm;
import ntsection.vf.Violation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct findings of an exploration, fed run by run in the runs' order, so the
 * same budget finds the same findings from the same runs on every machine. A rule
 * broken at one line is one finding, kept from the first run that showed it, or from
 * the first that also did harm. A harm no broken rule explains is an oracle's finding.
 */
final class FindingSet {
    private final Map<String, Candidate> byKey = new LinkedHashMap<>();

    void add(Program program, String strategy, long seed, Run.Outcome outcome) {
        if (outcome.violations().isEmpty()) {
            for (Harm harm : outcome.harms()) {
                byKey.putIfAbsent(Shows.key(harm), new Candidate(Shows.key(harm), program, strategy, seed, outcome));
            }
            return;
        }
        for (Violation violation : outcome.violations()) {
            String key = Shows.key(violation);
            Candidate known = byKey.get(key);
            if (known == null || known.outcome().harms().isEmpty() && !outcome.harms().isEmpty()) {
                byKey.put(key, new Candidate(key, program, strategy, seed, outcome));
            }
        }
    }

    List<Candidate> all() {
        return new ArrayList<>(byKey.values());
    }
}
