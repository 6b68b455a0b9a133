package ntsection.drivers.twins;

import ntsection.drivers.DriverSystem;
import ntsection.drivers.attacks.HandleScan;
import ntsection.drivers.keystore.KernelOnlyDriver;
import ntsection.ps.Process;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/** SV1: a handle scan in the requesting process finds the twin's section, and forges tags with its secret. */
class Sv1KernelHandleTest {
    private static byte[] scan(DriverSystem store, Process thief) {
        return Sv1Sv2KeyStoreForgery.steal(store, thief,
                user -> HandleScan.readForeignSection(user, KernelOnlyDriver.SECRET_LENGTH));
    }

    @Test
    void handleScanStealsTheTwinsSecret() {
        DriverSystem twin = new DriverSystem(KeyStoreSv1KernelHandleTwin.SERVICE_NAME);
        Process thief = twin.system.createProcess("thief.exe", false);
        byte[] stolen = scan(twin, thief);
        assertNotNull(stolen, "the twin's section handle is in the thief's table");
        assertFalse(Arrays.equals(new byte[stolen.length], stolen), "a real secret, not zeros");
        assertTrue(Sv1Sv2KeyStoreForgery.storeAcceptsForgery(twin, thief, stolen), "the stolen bytes are the secret");
    }

    @Test
    void handleScanFindsNothingOfTheReferenceDriver() {
        DriverSystem reference = new DriverSystem(KernelOnlyDriver.SERVICE_NAME);
        Process thief = reference.system.createProcess("thief.exe", false);
        assertNull(scan(reference, thief));
    }
}
