package ntsection.drivers.twins;

import ntsection.drivers.attacks.HandleScan;
import ntsection.drivers.keystore.KernelOnlyDriver;
import ntsection.ps.Process;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/** SV1: a handle scan in the requesting process finds the twin's section, and forges tags with its secret. */
class Sv1KernelHandleTest {
    private static byte[] scan(Sv1ToSv5System store, Process thief) {
        return Sv1Sv2KeyStoreForgery.steal(store, thief,
                user -> HandleScan.readForeignSection(user, KernelOnlyDriver.SECRET_LENGTH));
    }

    @Test
    void handleScanStealsTheTwinsSecret() {
        Sv1ToSv5System twin = new Sv1ToSv5System(KeyStoreSv1KernelHandleTwin.SERVICE_NAME);
        Process thief = twin.system.createProcess("thief.exe", false);
        byte[] stolen = scan(twin, thief);
        assertNotNull(stolen, "the twin's section handle is in the thief's table");
        assertFalse(Arrays.equals(new byte[stolen.length], stolen), "a real secret, not zeros");
        assertTrue(Sv1Sv2KeyStoreForgery.storeAcceptsForgery(twin, thief, stolen), "the stolen bytes are the secret");
    }

    @Test
    void handleScanFindsNothingOfTheReferenceDriver() {
        Sv1ToSv5System reference = new Sv1ToSv5System(KernelOnlyDriver.SERVICE_NAME);
        Process thief = reference.system.createProcess("thief.exe", false);
        assertNull(scan(reference, thief));
    }
}
