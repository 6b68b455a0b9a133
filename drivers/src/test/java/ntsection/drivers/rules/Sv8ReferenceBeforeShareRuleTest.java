package ntsection.drivers.rules;

import ntsection.drivers.attacks.Sv8CloseUnderDriverAttack;
import ntsection.drivers.telemetry.SharedSectionDriver;
import ntsection.drivers.telemetry.TelemetryClient;
import ntsection.drivers.telemetry.TelemetryExtension;
import ntsection.drivers.twins.Sv8ReferenceBeforeShareTwin;
import ntsection.ke.BugCheckCodes;
import ntsection.ke.BugCheckError;
import ntsection.mm.Section;
import ntsection.ps.Process;
import ntsection.vf.Rule;
import ntsection.vf.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** SV8 reference-before-share: the telemetry twin drops its own reference once a caller holds a handle. */
class Sv8ReferenceBeforeShareRuleTest {
    private static Watched session(String serviceName, long[] seen) {
        Watched telemetry = new Watched(serviceName);
        Process monitor = telemetry.system.createProcess("monitor.exe", false);
        telemetry.run(monitor, user -> TelemetryClient.session(1, seen).run(user));
        return telemetry;
    }

    @Test
    void sv8FlagsTheTwinDroppingItsReferenceWithoutAnyAttack() {
        long[] seen = new long[1];
        Watched twin = session(Sv8ReferenceBeforeShareTwin.SERVICE_NAME, seen);
        assertEquals(1, seen[0]);
        List<Violation> found = twin.assertOnly(Rule.SV8, Sv8ReferenceBeforeShareTwin.class);
        assertEquals(1, found.size(), () -> Watched.describe(found));
        assertTrue(found.getFirst().message().contains("device extension"), found.getFirst()::message);
        Section section = twin.extension(TelemetryExtension.class).section;
        assertTrue(section.isDeleted(), "the monitor's close deleted the section the extension still points at");
        assertNull(twin.system.kernel().bugCheck(), "nothing used it since: the check needed no crash");
    }

    @Test
    void sv8FlagsTheTwinWhenTheAttackerClosesTheHandleUnderIt() {
        Watched twin = new Watched(Sv8ReferenceBeforeShareTwin.SERVICE_NAME);
        Process attacker = twin.system.createProcess("attacker.exe", false);
        assertThrows(BugCheckError.class, () -> twin.run(attacker, Sv8CloseUnderDriverAttack::run));
        assertEquals(BugCheckCodes.REFERENCE_BY_POINTER, twin.system.kernel().bugCheck().code());
        List<Violation> found = twin.assertOnly(Rule.SV8, Sv8ReferenceBeforeShareTwin.class, SharedSectionDriver.class);
        assertEquals(2, found.size(), () -> Watched.describe(found));
        assertTrue(found.stream().anyMatch(v -> v.message().contains("after it was deleted")), () -> Watched.describe(found));
    }

    @Test
    void referenceTelemetryBreaksNoRule() {
        long[] seen = new long[1];
        Watched reference = session(SharedSectionDriver.SERVICE_NAME, seen);
        assertEquals(1, seen[0]);
        Process attacker = reference.system.createProcess("attacker.exe", false);
        reference.run(attacker, Sv8CloseUnderDriverAttack::run);
        reference.assertClean();
        Section section = reference.extension(TelemetryExtension.class).section;
        assertFalse(section.isDeleted());
        assertEquals(1, section.handleCount(), "the handle the attack asked for last");
        assertEquals(section.handleCount() + 1, section.pointerCount(), "one reference per handle, and the driver's own");
    }
}
