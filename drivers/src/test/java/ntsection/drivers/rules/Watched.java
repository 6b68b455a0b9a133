package ntsection.drivers.rules;

import ntsection.Executive;
import ntsection.io.DeviceObject;
import ntsection.nt.NtStatus;
import ntsection.ps.Process;
import ntsection.testing.Systems;
import ntsection.user.UserContext;
import ntsection.vf.Oracles;
import ntsection.vf.Rule;
import ntsection.vf.RuleChecks;
import ntsection.vf.Violation;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A booted system with the rule checks (and the demo's oracles beside them) installed
 * before anything else happens, then one driver loaded: the driver examined.
 */
final class Watched {
    final Executive system = Systems.boot();
    final Oracles oracles = new Oracles();
    final RuleChecks checks = RuleChecks.install(system, oracles);
    private final String serviceName;

    Watched(String serviceName) {
        this.serviceName = serviceName;
        assertEquals(STATUS_SUCCESS, system.loadDriver(serviceName));
    }

    DeviceObject device() {
        return system.io().driver(serviceName).devices().getFirst();
    }

    <T> T extension(Class<T> type) {
        return device().extension(type);
    }

    /** Runs a client's steps as the process's user-mode code, on the test's own thread. */
    <T> T asUser(Process process, Function<UserContext, T> steps) {
        UserContext user = new UserContext(system.nt(), system.mm().access(), process.mainThread());
        return system.inUserMode(process, () -> steps.apply(user));
    }

    void run(Process process, Consumer<UserContext> steps) {
        asUser(process, user -> {
            steps.accept(user);
            return null;
        });
    }

    NtStatus unload() {
        return system.unloadDriver(serviceName);
    }

    /** No rule was broken. */
    void assertClean() {
        assertEquals(List.of(), checks.violations(), () -> "violations: " + describe(checks.violations()));
    }

    /**
     * Only {@code rule} was broken, at least once, and every finding names a driver frame
     * in one of {@code driverClasses} (the twin, or the reference class whose line it runs),
     * has a message, a process, a thread and an object.
     */
    List<Violation> assertOnly(Rule rule, Class<?>... driverClasses) {
        List<Violation> found = checks.violations();
        assertFalse(found.isEmpty(), () -> rule + " was not flagged");
        for (Violation violation : found) {
            assertEquals(rule, violation.rule(), () -> "another rule flagged: " + describe(found));
            assertNotNull(violation.message());
            assertFalse(violation.message().isBlank());
            assertNotNull(violation.frame(), () -> "no driver frame: " + violation);
            assertTrue(List.of(driverClasses).stream().anyMatch(c -> c.getName().equals(violation.frame().getClassName())),
                    () -> "frame " + violation.frame() + " is not in " + List.of(driverClasses));
            assertTrue(violation.frame().getLineNumber() > 0, () -> "no line: " + violation.frame());
            assertNotNull(violation.process());
            assertNotNull(violation.thread());
            assertNotNull(violation.object());
        }
        return found;
    }

    static String describe(List<Violation> violations) {
        StringBuilder text = new StringBuilder();
        for (Violation violation : violations) {
            text.append("\n  ").append(violation).append(" [").append(violation.process()).append(", ")
                    .append(violation.thread()).append(", ").append(violation.object()).append(", step ")
                    .append(violation.step()).append("]");
        }
        return text.toString();
    }
}
