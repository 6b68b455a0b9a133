package ntsection.drivers.twins;

import ntsection.drivers.DriverSystem;
import ntsection.drivers.attacks.PlantedTelemetry;
import ntsection.drivers.telemetry.SharedSectionDriver;
import ntsection.drivers.telemetry.TelemetryClient;
import ntsection.ps.Process;
import org.junit.jupiter.api.Test;

import static ntsection.drivers.telemetry.SharedSectionIoctl.EVENTS_RECORDED;
import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * SV3: an attacker that plants its own section in the twin keeps writing it, and an
 * honest monitor reads the attacker's counters as the driver's. The reference ignores
 * the offered handle, so the attacker writes only its own section.
 */
class Sv3DriverCreatesTest {
    private static final long FORGED = 1_000_000;

    /** The EVENTS_RECORDED an honest monitor reads after recording two events, with the attacker having gone first. */
    private static long monitorSeesAfterPlant(DriverSystem telemetry) {
        Process attacker = telemetry.system.createProcess("attacker.exe", false);
        Process monitor = telemetry.system.createProcess("monitor.exe", false);
        telemetry.asUser(attacker, user -> {
            PlantedTelemetry plant = new PlantedTelemetry(user);
            assertEquals(STATUS_SUCCESS, plant.plant());
            plant.forge(EVENTS_RECORDED, FORGED);
            return null;
        });
        long[] seen = new long[1];
        telemetry.asUser(monitor, user -> {
            TelemetryClient.session(2, seen).run(user);
            return null;
        });
        return seen[0];
    }

    @Test
    void attackerWritesTheTwinsTelemetry() {
        DriverSystem twin = new DriverSystem(TelemetrySv3DriverCreatesTwin.SERVICE_NAME);
        assertEquals(FORGED + 2, monitorSeesAfterPlant(twin), "the monitor counts from the attacker's forgery");
    }

    @Test
    void attackerCannotWriteTheReferenceTelemetry() {
        DriverSystem reference = new DriverSystem(SharedSectionDriver.SERVICE_NAME);
        assertEquals(2, monitorSeesAfterPlant(reference));
    }
}
