package ntsection.testing;

import ntsection.Executive;
import ntsection.ob.InvariantChecker;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Registered for every test (service loader, auto-detection on): after each test, the
 * object manager of every executive the test booted through {@link Systems} must be
 * consistent. A bug-checked system is checked too: a crash must not corrupt counts.
 */
public final class InvariantExtension implements AfterEachCallback {
    @Override
    public void afterEach(ExtensionContext context) {
        List<String> problems = new ArrayList<>();
        for (Executive executive : Systems.drain()) problems.addAll(InvariantChecker.check(executive.ob()));
        if (!problems.isEmpty()) throw new AssertionError("object manager invariants broken:\n  " + String.join("\n  ", problems));
    }
}
