package ntsection.drivers.twins;

import ntsection.drivers.DriverSystem;
import ntsection.drivers.KernelSecret;
import ntsection.drivers.attacks.Sv10PhysicalMemoryAttack;
import ntsection.drivers.broker.PhysicalMemoryBroker;
import ntsection.ps.Process;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SV10: an untrusted process finds a kernel secret in physical memory through the twin only. */
class Sv10PhysicalMemoryTwinTest {
    /** The frame where the untrusted process found the kernel secret, -1 if it found nothing. */
    private static long physicalMemoryAttack(String serviceName) {
        DriverSystem broker = new DriverSystem(serviceName);
        KernelSecret.plant(broker.system);
        Process untrusted = broker.system.createProcess("game.exe", false);
        return broker.asUser(untrusted, user -> Sv10PhysicalMemoryAttack.findSecret(user, KernelSecret.CANARY));
    }

    @Test
    void untrustedProcessReadsAKernelSecretThroughTheTwin() {
        assertTrue(physicalMemoryAttack(Sv10PhysicalMemoryTwin.SERVICE_NAME) >= 0);
    }

    @Test
    void referenceBrokerRefusesTheUntrustedProcess() {
        assertEquals(-1, physicalMemoryAttack(PhysicalMemoryBroker.SERVICE_NAME));
    }
}
