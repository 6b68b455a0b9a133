package ntsection.drivers.twins;

import ntsection.drivers.DriverSystem;
import ntsection.drivers.keystore.KeyStoreClient;
import ntsection.ps.Process;
import ntsection.user.UserContext;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.function.Function;

import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The harm of a leaked key-store secret, shown end to end: a process uses the store once,
 * runs a theft, and if it got bytes, signs a message of its own with them and has the
 * store accept the forged tag.
 */
final class Sv1Sv2KeyStoreForgery {
    static final byte[] FORGED_MESSAGE = "transfer 1000000 to mallory".getBytes(StandardCharsets.UTF_8);

    private Sv1Sv2KeyStoreForgery() {
    }

    /** The stolen bytes, or null; the store has signed one message for the thief first. */
    static byte[] steal(DriverSystem store, Process thief, Function<UserContext, byte[]> theft) {
        return store.asUser(thief, user -> {
            KeyStoreClient client = new KeyStoreClient(user);
            assertEquals(STATUS_SUCCESS, client.open());
            assertNotNull(client.sign("hello".getBytes(StandardCharsets.UTF_8)));
            return theft.apply(user);
        });
    }

    /** Whether the store accepts a tag the thief computed from the stolen bytes alone. */
    static boolean storeAcceptsForgery(DriverSystem store, Process thief, byte[] stolen) {
        byte[] tag = hmac(stolen, FORGED_MESSAGE);
        return store.asUser(thief, user -> {
            KeyStoreClient client = new KeyStoreClient(user);
            assertEquals(STATUS_SUCCESS, client.open());
            return client.verify(tag, FORGED_MESSAGE);
        });
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK ships HmacSHA256", e);
        }
    }
}
