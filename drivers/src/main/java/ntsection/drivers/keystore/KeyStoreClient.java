package ntsection.drivers.keystore;

import ntsection.drivers.DeviceClient;
import ntsection.nt.NtStatus;
import ntsection.user.UserContext;
import ntsection.user.UserProgram;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static ntsection.drivers.keystore.KernelOnlyIoctl.*;

/**
 * A user-mode program of the key store: has a message signed, then has the tag
 * checked, once as given and once with a flipped bit. It never holds the secret.
 */
public final class KeyStoreClient extends DeviceClient {
    public KeyStoreClient(UserContext user) {
        super(user);
    }

    public NtStatus open() {
        return open(KernelOnlyDriver.DEVICE_NAME);
    }

    /** The tag, or null when the driver refused. */
    public byte[] sign(byte[] message) {
        return control(IOCTL_KEYSTORE_SIGN, message, TAG_LENGTH).isSuccess() ? reply() : null;
    }

    public boolean verify(byte[] tag, byte[] message) {
        byte[] request = Arrays.copyOf(tag, tag.length + message.length);
        System.arraycopy(message, 0, request, tag.length, message.length);
        return control(IOCTL_KEYSTORE_VERIFY, request, 1).isSuccess() && reply()[0] == 1;
    }

    /** The whole session, as a thread's program; its outcome lands in {@code outcome}. */
    public static UserProgram session(Outcome outcome) {
        return user -> {
            KeyStoreClient client = new KeyStoreClient(user);
            if (!client.open().isSuccess()) return;
            byte[] message = "transfer 10 to alice".getBytes(StandardCharsets.UTF_8);
            byte[] tag = client.sign(message);
            outcome.tag = tag;
            outcome.accepted = tag != null && client.verify(tag, message);
            if (tag != null) {
                byte[] forged = tag.clone();
                forged[0] ^= 1;
                outcome.forgeryAccepted = client.verify(forged, message);
            }
            client.close();
        };
    }

    public static final class Outcome {
        public byte[] tag;
        public boolean accepted;
        public boolean forgeryAccepted;
    }
}
