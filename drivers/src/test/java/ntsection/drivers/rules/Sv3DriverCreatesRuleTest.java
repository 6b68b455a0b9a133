package ntsection.drivers.rules;

import ntsection.drivers.attacks.PlantedTelemetry;
import ntsection.drivers.telemetry.SharedSectionDriver;
import ntsection.drivers.telemetry.TelemetryClient;
import ntsection.drivers.telemetry.TelemetryExtension;
import ntsection.drivers.twins.TelemetrySv3DriverCreatesTwin;
import ntsection.mm.Section;
import ntsection.ps.Process;
import ntsection.vf.Rule;
import ntsection.vf.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static ntsection.drivers.telemetry.SharedSectionIoctl.EVENTS_RECORDED;
import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.*;

/** SV3 driver-creates: the telemetry twin maps, and hands to a monitor, the section an attacker created. */
class Sv3DriverCreatesRuleTest {
    /** The attacker plants its section and forges a counter; an honest monitor then runs a session. */
    private static Watched plantThenMonitor(String serviceName, Process[] attacker) {
        Watched telemetry = new Watched(serviceName);
        attacker[0] = telemetry.system.createProcess("attacker.exe", false);
        Process monitor = telemetry.system.createProcess("monitor.exe", false);
        telemetry.run(attacker[0], user -> {
            PlantedTelemetry plant = new PlantedTelemetry(user);
            assertEquals(STATUS_SUCCESS, plant.plant());
            plant.forge(EVENTS_RECORDED, 1_000_000);
        });
        long[] seen = new long[1];
        telemetry.run(monitor, user -> TelemetryClient.session(2, seen).run(user));
        return telemetry;
    }

    @Test
    void sv3FlagsTheTwinMappingAndHandingOutTheAttackersSection() {
        Process[] attacker = new Process[1];
        Watched twin = plantThenMonitor(TelemetrySv3DriverCreatesTwin.SERVICE_NAME, attacker);
        List<Violation> found = twin.assertOnly(Rule.SV3, TelemetrySv3DriverCreatesTwin.class, SharedSectionDriver.class);
        Section section = twin.extension(TelemetryExtension.class).section;
        assertEquals(2, section.handleCount(), "the attacker's own handle and the one the twin gave it back;"
                + " the monitor closed the one it was given");
        assertEquals(3, section.pointerCount(), "the two handles and the twin's reference");
        assertTrue(found.stream().anyMatch(v -> v.frame().getMethodName().equals("keepSection")), "the system-space map");
        assertTrue(found.stream().anyMatch(v -> v.frame().getMethodName().equals("openForCaller")), "the hand-out");
        for (Violation violation : found) {
            assertTrue(violation.object().contains("0x" + Long.toHexString(section.address())), violation::object);
            assertTrue(violation.message().contains(attacker[0].describe()), violation::message);
        }
    }

    @Test
    void referenceTelemetryBreaksNoRule() {
        Process[] attacker = new Process[1];
        Watched reference = plantThenMonitor(SharedSectionDriver.SERVICE_NAME, attacker);
        reference.assertClean();
        Section section = reference.extension(TelemetryExtension.class).section;
        assertEquals(1, section.handleCount(), "the handle the attacker was given to the driver's own section");
        assertEquals(2, section.pointerCount(), "that handle and the driver's own reference");
    }
}
