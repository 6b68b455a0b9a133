package ntsection.drivers.rules;

import ntsection.drivers.attacks.MappedViewScan;
import ntsection.drivers.keystore.KernelOnlyDriver;
import ntsection.drivers.keystore.KeyStoreClient;
import ntsection.drivers.keystore.KeyStoreExtension;
import ntsection.drivers.twins.KeyStoreSv2SystemThreadMapTwin;
import ntsection.ps.Process;
import ntsection.vf.Rule;
import ntsection.vf.Violation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.*;

/**
 * SV2 system-thread-map: the key store's private view, mapped into the requestor from
 * the dispatch routine. The twin also reads and writes that view unguarded and in the
 * requestor's context; those touches are SV2's consequence and are not reported as SV5.
 */
class Sv2SystemThreadMapRuleTest {
    private static Watched signTwiceAndWalk(String serviceName, Process[] thief) {
        Watched store = new Watched(serviceName);
        thief[0] = store.system.createProcess("thief.exe", false);
        store.run(thief[0], user -> {
            KeyStoreClient client = new KeyStoreClient(user);
            assertEquals(STATUS_SUCCESS, client.open());
            byte[] message = "hello".getBytes(StandardCharsets.UTF_8);
            byte[] tag = client.sign(message);
            assertTrue(client.verify(tag, message));
            MappedViewScan.readForeignView(user, KernelOnlyDriver.SECRET_LENGTH, 0);
            client.close();
        });
        return store;
    }

    @Test
    void sv2FlagsTheTwinsPrivateViewInTheRequestor() {
        Process[] thief = new Process[1];
        Watched twin = signTwiceAndWalk(KeyStoreSv2SystemThreadMapTwin.SERVICE_NAME, thief);
        List<Violation> found = twin.assertOnly(Rule.SV2, KeyStoreSv2SystemThreadMapTwin.class, KernelOnlyDriver.class);
        assertEquals(1, found.size(), () -> Watched.describe(found));
        long view = twin.extension(KeyStoreExtension.class).secretView;
        assertEquals(1, thief[0].addressSpace().viewCount(), "the secret's view, and no other, lies in the requestor");
        Violation violation = found.getFirst();
        assertTrue(violation.object().contains("view at 0x" + Long.toHexString(view)), violation::object);
        assertTrue(violation.object().contains(thief[0].describe()), violation::object);
        assertEquals(thief[0].describe(), violation.process());
    }

    @Test
    void referenceKeyStoreBreaksNoRule() {
        Process[] thief = new Process[1];
        Watched reference = signTwiceAndWalk(KernelOnlyDriver.SERVICE_NAME, thief);
        reference.assertClean();
        assertEquals(0, thief[0].addressSpace().viewCount());
    }
}
