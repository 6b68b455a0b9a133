package ntsection.drivers.rules;

import ntsection.drivers.KernelSecret;
import ntsection.drivers.attacks.Sv7ForgedHandleAttack;
import ntsection.drivers.telemetry.SharedSectionDriver;
import ntsection.drivers.twins.Sv7NoUserHandleTwin;
import ntsection.mm.Section;
import ntsection.ob.Handles;
import ntsection.ps.Process;
import ntsection.vf.Rule;
import ntsection.vf.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** SV7 no-user-handle: the telemetry twin references, in kernel mode, a handle value the request carried. */
class Sv7NoUserHandleRuleTest {
    private static final int TRIES = 16;

    private static long forge(Watched telemetry, Process attacker) {
        return telemetry.asUser(attacker, user -> new Sv7ForgedHandleAttack(user).findSecret(KernelSecret.CANARY, TRIES));
    }

    @Test
    void sv7FlagsTheTwinReferencingAForgedKernelHandle() {
        Watched twin = new Watched(Sv7NoUserHandleTwin.SERVICE_NAME);
        Section secret = KernelSecret.plant(twin.system);
        Process attacker = twin.system.createProcess("attacker.exe", false);
        long forged = forge(twin, attacker);
        assertTrue(Handles.hasKernelBit(forged), "the attack reached the secret through a kernel handle value");
        List<Violation> found = twin.assertOnly(Rule.SV7, Sv7NoUserHandleTwin.class);
        assertEquals(1, found.size(), () -> Watched.describe(found));
        Violation violation = found.getFirst();
        assertTrue(violation.message().contains(Handles.format(forged)), violation::message);
        assertTrue(violation.object().contains("0x" + Long.toHexString(secret.address())), violation::object);
        assertEquals(1, secret.handleCount(), "the kernel's handle; the attacker closed the one it was given");
        assertEquals(1, secret.pointerCount(), "the twin dropped the reference it took");
    }

    @Test
    void referenceTelemetryBreaksNoRule() {
        Watched reference = new Watched(SharedSectionDriver.SERVICE_NAME);
        Section secret = KernelSecret.plant(reference.system);
        Process attacker = reference.system.createProcess("attacker.exe", false);
        assertEquals(0, forge(reference, attacker));
        reference.assertClean();
        assertEquals(1, secret.pointerCount());
    }
}
