package ntsection.drivers.rules;

import ntsection.drivers.broker.PhysicalMemoryBroker;
import ntsection.drivers.broker.PhysicalPageReader;
import ntsection.drivers.keystore.KernelOnlyDriver;
import ntsection.drivers.keystore.KeyStoreClient;
import ntsection.drivers.ring.RingClient;
import ntsection.drivers.ring.SharedViewDriver;
import ntsection.drivers.telemetry.SharedSectionDriver;
import ntsection.drivers.telemetry.TelemetryClient;
import ntsection.ps.Process;
import ntsection.user.UserProgram;
import org.junit.jupiter.api.Test;

import java.util.List;

import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Each reference driver through its clients' whole lives (two clients, their exits, the
 * unload) breaks no rule, and the oracles installed beside the checks see no harm.
 */
class ReferenceDriversRuleTest {
    private static void lifetime(String serviceName, boolean trusted, UserProgram session) {
        Watched driver = new Watched(serviceName);
        for (String image : List.of("first.exe", "second.exe")) {
            Process client = driver.system.createProcess(image, trusted);
            driver.run(client, session::run);
            driver.system.terminateProcess(client, STATUS_SUCCESS);
        }
        assertEquals(STATUS_SUCCESS, driver.unload());
        driver.assertClean();
        assertEquals(List.of(), driver.oracles.harms());
    }

    @Test
    void keyStore() {
        KeyStoreClient.Outcome outcome = new KeyStoreClient.Outcome();
        lifetime(KernelOnlyDriver.SERVICE_NAME, false, KeyStoreClient.session(outcome));
        assertTrue(outcome.accepted);
        assertFalse(outcome.forgeryAccepted);
    }

    @Test
    void requestRing() {
        int[] crcs = new int[2];
        lifetime(SharedViewDriver.SERVICE_NAME, false, RingClient.session(List.of("ab".getBytes(), "cde".getBytes()), crcs));
        assertNotEquals(0, crcs[1]);
    }

    @Test
    void telemetry() {
        long[] seen = new long[1];
        lifetime(SharedSectionDriver.SERVICE_NAME, false, TelemetryClient.session(3, seen));
        assertEquals(6, seen[0], "three events from each client, read back by the second");
    }

    @Test
    void physicalMemoryBrokerForATrustedTool() {
        lifetime(PhysicalMemoryBroker.SERVICE_NAME, true, user -> {
            PhysicalPageReader reader = new PhysicalPageReader(user);
            assertEquals(STATUS_SUCCESS, reader.open());
            assertEquals(STATUS_SUCCESS, reader.requestHandle());
            assertNotNull(reader.readFrame(1, 8));
            reader.close();
        });
    }
}
