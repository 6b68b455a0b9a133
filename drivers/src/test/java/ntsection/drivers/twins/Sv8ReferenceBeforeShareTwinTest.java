package ntsection.drivers.twins;

import ntsection.drivers.DriverSystem;
import ntsection.drivers.attacks.Sv8CloseUnderDriverAttack;
import ntsection.drivers.telemetry.SharedSectionDriver;
import ntsection.drivers.telemetry.TelemetryExtension;
import ntsection.ke.BugCheck;
import ntsection.ke.BugCheckCodes;
import ntsection.ke.BugCheckError;
import ntsection.mm.Section;
import ntsection.ps.Process;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** SV8: closing the handed-out handle deletes the section under the twin, which then bug-checks touching it. */
class Sv8ReferenceBeforeShareTwinTest {
    private final Process[] attacker = new Process[1];

    private DriverSystem attacked(String serviceName) {
        DriverSystem telemetry = new DriverSystem(serviceName);
        attacker[0] = telemetry.system.createProcess("attacker.exe", false);
        try {
            telemetry.asUser(attacker[0], user -> {
                Sv8CloseUnderDriverAttack.run(user);
                return null;
            });
        } catch (BugCheckError stopped) {
            // The system halted; its recorded bug-check is what the test examines.
        }
        return telemetry;
    }

    @Test
    void closingTheOnlyHandleLeavesTheTwinUsingADeletedSection() {
        DriverSystem telemetry = attacked(Sv8ReferenceBeforeShareTwin.SERVICE_NAME);
        Section section = telemetry.extension(TelemetryExtension.class).section;
        assertTrue(section.isDeleted(), "the driver's extension still points at it");
        BugCheck stop = telemetry.system.kernel().bugCheck();
        assertNotNull(stop);
        assertEquals(BugCheckCodes.REFERENCE_BY_POINTER, stop.code());
    }

    @Test
    void referenceDriverOutlivesTheClosedHandle() {
        DriverSystem telemetry = attacked(SharedSectionDriver.SERVICE_NAME);
        assertNull(telemetry.system.kernel().bugCheck());
        assertFalse(telemetry.extension(TelemetryExtension.class).section.isDeleted());
    }
}
