package ntsection.drivers.twins;

import ntsection.drivers.ring.SharedViewDriver;
import ntsection.mm.MemoryAccess;

import static ntsection.drivers.ring.SharedViewIoctl.DATA;
import static ntsection.drivers.ring.SharedViewIoctl.SLOT_LENGTH;

/** The request ring with SV6 broken: the slot's length is checked from one read of the view and used from another. */
public final class Sv6ValidateTwin extends SharedViewDriver {
    public static final String SERVICE_NAME = "sv6-validate";

    @Override
    protected byte[] slotData(MemoryAccess memory, long view, long slot, int offset, int length) {
        // SV6 validate broken: the length is fetched again from the user-visible view after it was checked.
        return memory.read(view + DATA + offset, memory.readInt(slot + SLOT_LENGTH));
    }
}
