package ntsection.drivers.twins;

import ntsection.drivers.ring.RingConnection;
import ntsection.drivers.ring.SharedViewDriver;
import ntsection.mm.MemoryAccess;

import static ntsection.drivers.ring.SharedViewIoctl.DATA;
import static ntsection.drivers.ring.SharedViewIoctl.SLOT_LENGTH;

/**
 * The request ring with SV6 broken: the slot's length is checked from one read of the
 * view and used from another, so a length the client changes in between copies past the
 * one-page capture buffer, into system space that is not there.
 */
public final class Sv6ValidateTwin extends SharedViewDriver {
    public static final String SERVICE_NAME = "sv6-validate";

    @Override
    protected int capture(MemoryAccess memory, RingConnection connection, long slot, int offset, int length) {
        // SV6 validate broken: the length is fetched again from the user-visible view after it was checked,
        // and the copy into the one-page capture buffer uses that second fetch.
        int again = memory.readInt(slot + SLOT_LENGTH);
        memory.write(connection.capture, memory.read(connection.view + DATA + offset, again));
        return again;
    }
}
