package ntsection.drivers.rules;

import ntsection.drivers.telemetry.SharedSectionDriver;
import ntsection.drivers.telemetry.TelemetryClient;
import ntsection.drivers.telemetry.TelemetryExtension;
import ntsection.drivers.twins.Sv9DereferenceTwin;
import ntsection.mm.Section;
import ntsection.ps.Process;
import ntsection.vf.Rule;
import ntsection.vf.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.*;

/** SV9 dereference: the telemetry twin's reference outlives its DriverUnload. */
class Sv9DereferenceRuleTest {
    private Section section;

    /** A monitor session, the monitor's exit, the driver's unload. */
    private Watched runAndUnload(String serviceName) {
        Watched telemetry = new Watched(serviceName);
        section = telemetry.extension(TelemetryExtension.class).section;
        Process monitor = telemetry.system.createProcess("monitor.exe", false);
        long[] seen = new long[1];
        telemetry.run(monitor, user -> TelemetryClient.session(2, seen).run(user));
        assertEquals(2, seen[0]);
        telemetry.system.terminateProcess(monitor, STATUS_SUCCESS);
        assertEquals(List.of(), telemetry.checks.violations(), "nothing before the unload");
        assertEquals(STATUS_SUCCESS, telemetry.unload());
        return telemetry;
    }

    @Test
    void sv9FlagsTheReferenceTheTwinStillHoldsAtUnload() {
        Watched twin = runAndUnload(Sv9DereferenceTwin.SERVICE_NAME);
        List<Violation> found = twin.assertOnly(Rule.SV9, SharedSectionDriver.class);
        assertEquals(1, found.size(), () -> Watched.describe(found));
        Violation violation = found.getFirst();
        assertEquals("keepSection", violation.frame().getMethodName(), "where the reference was taken");
        assertTrue(violation.message().contains("sv9-dereference"), violation::message);
        assertTrue(violation.object().contains("0x" + Long.toHexString(section.address())), violation::object);
        assertFalse(section.isDeleted());
        assertEquals(0, section.handleCount());
        assertEquals(1, section.pointerCount(), "the twin's reference, and nothing else");
    }

    @Test
    void referenceTelemetryBreaksNoRule() {
        Watched reference = runAndUnload(SharedSectionDriver.SERVICE_NAME);
        reference.assertClean();
        assertTrue(section.isDeleted());
    }
}
