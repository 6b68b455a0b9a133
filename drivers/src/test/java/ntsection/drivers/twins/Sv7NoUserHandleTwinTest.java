package ntsection.drivers.twins;

import ntsection.drivers.DriverSystem;
import ntsection.drivers.KernelSecret;
import ntsection.drivers.attacks.Sv7ForgedHandleAttack;
import ntsection.drivers.telemetry.SharedSectionDriver;
import ntsection.ps.Process;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** SV7: a forged kernel handle value gets the attacker a kernel-private section through the twin only. */
class Sv7NoUserHandleTwinTest {
    /** The forged handle that reached the kernel secret, 0 if none of the first 64 kernel handle values did. */
    private static long forgedHandleAttack(String serviceName) {
        DriverSystem telemetry = new DriverSystem(serviceName);
        KernelSecret.plant(telemetry.system);
        Process attacker = telemetry.system.createProcess("attacker.exe", false);
        return telemetry.asUser(attacker, user -> new Sv7ForgedHandleAttack(user).findSecret(KernelSecret.CANARY, 64));
    }

    @Test
    void forgedKernelHandleReadsAKernelSectionThroughTheTwin() {
        assertNotEquals(0, forgedHandleAttack(Sv7NoUserHandleTwin.SERVICE_NAME));
    }

    @Test
    void referenceDriverNeverLooksAtTheForgedHandle() {
        assertEquals(0, forgedHandleAttack(SharedSectionDriver.SERVICE_NAME));
    }
}
