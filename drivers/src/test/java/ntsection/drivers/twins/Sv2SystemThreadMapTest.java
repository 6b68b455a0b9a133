package ntsection.drivers.twins;

import ntsection.drivers.DriverSystem;
import ntsection.drivers.attacks.MappedViewScan;
import ntsection.drivers.keystore.KernelOnlyDriver;
import ntsection.ps.Process;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/** SV2: a walk of the requesting process's address space finds the twin's private view, and forges tags with it. */
class Sv2SystemThreadMapTest {
    private static byte[] walk(DriverSystem store, Process thief) {
        return Sv1Sv2KeyStoreForgery.steal(store, thief,
                user -> MappedViewScan.readForeignView(user, KernelOnlyDriver.SECRET_LENGTH));
    }

    @Test
    void addressSpaceWalkStealsTheTwinsSecret() {
        DriverSystem twin = new DriverSystem(KeyStoreSv2SystemThreadMapTwin.SERVICE_NAME);
        Process thief = twin.system.createProcess("thief.exe", false);
        byte[] stolen = walk(twin, thief);
        assertNotNull(stolen, "the twin's view is in the thief's address space");
        assertFalse(Arrays.equals(new byte[stolen.length], stolen), "a real secret, not zeros");
        assertTrue(Sv1Sv2KeyStoreForgery.storeAcceptsForgery(twin, thief, stolen), "the stolen bytes are the secret");
    }

    @Test
    void addressSpaceWalkFindsNothingOfTheReferenceDriver() {
        DriverSystem reference = new DriverSystem(KernelOnlyDriver.SERVICE_NAME);
        Process thief = reference.system.createProcess("thief.exe", false);
        assertNull(walk(reference, thief));
        assertEquals(0, thief.addressSpace().viewCount());
    }
}
