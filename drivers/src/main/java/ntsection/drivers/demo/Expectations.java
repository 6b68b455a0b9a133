package ntsection.drivers.demo;

import ntsection.drivers.Catalogue;

import java.util.Map;

import static java.util.Map.entry;
import static ntsection.drivers.demo.Verdict.*;

/**
 * What each cell of the matrix must show. A reference driver blocks every attack. A twin
 * shows the harm its rule predicts wherever the attack reaches the broken lines, and is
 * as good as its reference everywhere else. Some harms need no attack at all: a twin
 * that drops its reference (SV8) or never releases one (SV9), or maps the requestor's
 * view into System (SV4), does harm whenever it is used.
 */
public final class Expectations {
    private Expectations() {
    }

    private static final Map<String, Map<String, Verdict>> TWINS = Map.ofEntries(
            // The scan maps and closes the handle; where the attacker leaves it, the twin's own ZwClose at
            // unload runs where the handle means nothing, which is INVALID_KERNEL_HANDLE.
            entry("sv1-kernel-handle", Map.of("handle-scan", HANDLE_STOLEN, "view-scan", BUG_CHECK, "bad-buffers", BUG_CHECK)),
            entry("sv2-system-thread-map", Map.of("view-scan", SECRET_LEAKED)),
            entry("sv3-driver-creates", Map.of("own-section", BUG_CHECK)),
            entry("sv4-requestor-context", Map.of("handle-scan", LEAK, "view-scan", LEAK, "unmap-view", LEAK,
                    "reprotect-view", LEAK, "race-view", LEAK, "forged-handle", LEAK, "own-section", LEAK,
                    "bad-buffers", LEAK)),
            entry("sv5-guarded-access", Map.of("unmap-view", BUG_CHECK, "reprotect-view", BUG_CHECK)),
            entry("sv6-validate", Map.of("race-view", BUG_CHECK)),
            entry("sv7-no-user-handle", Map.of("forged-handle", SECRET_LEAKED)),
            entry("sv8-reference-before-share", Map.of("handle-scan", USE_AFTER_FREE, "view-scan", USE_AFTER_FREE,
                    "forged-handle", USE_AFTER_FREE, "own-section", USE_AFTER_FREE, "close-shared", USE_AFTER_FREE,
                    "bad-buffers", USE_AFTER_FREE)),
            entry("sv9-dereference", Map.of("handle-scan", LEAK, "view-scan", LEAK, "forged-handle", LEAK,
                    "own-section", LEAK, "close-shared", LEAK, "physical-memory", LEAK, "bad-buffers", LEAK)),
            entry("sv10-physical-memory", Map.of("forged-handle", SECRET_LEAKED, "physical-memory", SECRET_LEAKED)));

    /** The verdict {@code attack} must get against {@code driver}. */
    public static Verdict of(Catalogue.Entry driver, Attack attack) {
        if (driver.isReference()) return BLOCKED;
        return TWINS.getOrDefault(driver.serviceName(), Map.of()).getOrDefault(attack.name(), BLOCKED);
    }

    public static boolean met(Cell cell) {
        return cell.verdict() == of(cell.driver(), cell.attack());
    }
}
