package ntsection.drivers.ring;

import ntsection.drivers.DeviceClient;
import ntsection.nt.NtStatus;
import ntsection.user.UserContext;
import ntsection.user.UserProgram;

import java.util.List;

import static ntsection.drivers.ring.SharedViewIoctl.*;
import static ntsection.ob.Handles.NtCurrentProcess;

/**
 * A client of the request ring: lays its payloads end to end in the data area, one
 * slot each, writes the count, submits, and reads each slot's status and CRC back.
 */
public final class RingClient extends DeviceClient {
    private long ring;

    public RingClient(UserContext user) {
        super(user);
    }

    public NtStatus open() {
        return open(SharedViewDriver.DEVICE_NAME);
    }

    public NtStatus connect() {
        NtStatus status = control(IOCTL_RING_CONNECT, new byte[0], Long.BYTES);
        if (status.isSuccess()) ring = replyLong();
        return status;
    }

    public long ring() {
        return ring;
    }

    public long slot(int index) {
        return ring + SLOTS + (long) index * SLOT_SIZE;
    }

    /** Fills the slots, one per payload (at most MAX_SLOTS), and the count. */
    public void fill(List<byte[]> payloads) {
        int offset = 0;
        for (int i = 0; i < payloads.size(); i++) {
            byte[] payload = payloads.get(i);
            user.write(ring + DATA + offset, payload);
            user.writeInt(slot(i) + SLOT_OFFSET, offset);
            user.writeInt(slot(i) + SLOT_LENGTH, payload.length);
            user.writeInt(slot(i) + SLOT_STATUS, 0);
            offset += payload.length;
        }
        user.writeInt(ring + COUNT, payloads.size());
    }

    public NtStatus submit() {
        return control(IOCTL_RING_SUBMIT, new byte[0], 0);
    }

    public int status(int index) {
        return user.readInt(slot(index) + SLOT_STATUS);
    }

    public int crc(int index) {
        return user.readInt(slot(index) + SLOT_CRC);
    }

    public NtStatus unmap() {
        return user.nt().ntUnmapViewOfSection(NtCurrentProcess, ring);
    }

    /** Connects, has {@code payloads} checksummed, and leaves the CRCs in {@code crcs}. */
    public static UserProgram session(List<byte[]> payloads, int[] crcs) {
        return user -> {
            RingClient client = new RingClient(user);
            if (!client.open().isSuccess() || !client.connect().isSuccess()) return;
            client.fill(payloads);
            if (client.submit().isSuccess()) {
                for (int i = 0; i < payloads.size(); i++) crcs[i] = client.crc(i);
            }
            client.close();
        };
    }
}
