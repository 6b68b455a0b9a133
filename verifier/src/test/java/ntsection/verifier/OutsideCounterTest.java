package ntsection.verifier;

import ntsection.Executive;
import ntsection.ExecutiveConfig;
import ntsection.vf.Rule;
import ntsection.vf.RuleChecks;
import ntsection.vf.Violation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The outside counter driver has the flaw its source says, and only that one: its add
 * reads the caller's memory outside any try/except, which rule SV5 catches even when
 * the caller's buffer is perfectly good; its total, by buffered I/O, breaks nothing.
 */
class OutsideCounterTest {
    @TempDir
    Path folder;

    private final Executive system = Executive.boot(ExecutiveConfig.defaults().withPhysicalPages(64));
    private final RuleChecks checks = RuleChecks.install(system);

    @AfterEach
    void shutDown() {
        system.mm().physicalMemory().close();
    }

    @Test
    void everyAddBreaksGuardedAccessAndTheTotalBreaksNothing() throws Exception {
        Path jar = DriverJars.jar(folder, "counter.jar", null, "com/example/outside/CounterDriver.java");
        DriverSource source = DriverSource.resolve("com.example.outside.CounterDriver", List.of(jar));
        source.register(system.io().registry());
        assertEquals(STATUS_SUCCESS, system.loadDriver(source.serviceName()));
        CounterClient client = new CounterClient(system);

        assertEquals(0, client.total());
        assertEquals(List.of(), checks.violations());

        assertEquals(STATUS_SUCCESS, client.add(3));
        assertEquals(3, client.total());
        assertEquals(Set.of(Rule.SV5), checks.broken());
        assertEquals(1, checks.violations().size(), () -> checks.violations().toString());
        Violation violation = checks.violations().getFirst();
        assertEquals("com.example.outside.CounterDriver", violation.frame().getClassName());
        assertEquals("deviceControl", violation.frame().getMethodName());
    }
}
