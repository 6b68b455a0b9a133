package ntsection.drivers.attacks;

import ntsection.drivers.DeviceClient;
import ntsection.io.IoStatusBlock;
import ntsection.nt.NtStatus;
import ntsection.user.UserContext;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A device opened by an attacker who sends whatever control codes and buffers it likes. */
public final class RawDevice extends DeviceClient {
    public RawDevice(UserContext user) {
        super(user);
    }

    /** The code with eight bytes of input, {@code value}, and room for eight bytes of output. */
    public NtStatus sendLong(int code, long value) {
        return control(code, ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array(),
                Long.BYTES);
    }

    /** The eight bytes the last request returned, when it returned eight. */
    public long replied() {
        return returned == Long.BYTES ? replyLong() : 0;
    }

    /** The code with buffers exactly as given: any address, any length. */
    public NtStatus sendRaw(int code, long input, int inputLength, long output, int outputLength) {
        return user.nt().ntDeviceIoControlFile(device, new IoStatusBlock(), code, input, inputLength, output,
                outputLength);
    }

    /** The start of this client's own buffer page. */
    public long buffer() {
        return buffer;
    }
}
