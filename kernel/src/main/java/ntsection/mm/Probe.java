package ntsection.mm;

import ntsection.ex.ExRaise;

import static ntsection.mm.PageProtection.PAGE_SIZE;

/**
 * ProbeForRead and ProbeForWrite (ex/exintrin.c): a length of 0 checks nothing;
 * misalignment is raised before the range; the whole buffer must lie below
 * MmUserProbeAddress. ProbeForRead touches nothing, so an unmapped but in-range buffer
 * passes and faults later; ProbeForWrite then reads and writes back one byte in every
 * page, so it faults on an unmapped, read-only or guard page.
 */
public final class Probe {
    private final MemoryAccess access;

    Probe(MemoryAccess access) {
        this.access = access;
    }

    public void probeForRead(long address, long length, int alignment) {
        checkRange(address, length, alignment);
    }

    public void probeForWrite(long address, long length, int alignment) {
        if (!checkRange(address, length, alignment)) return;
        long last = address + length - 1;
        long page = address;
        while (true) {
            access.writeByte(page, access.readByte(page));
            long next = PageProtection.pageRoundDown(page) + PAGE_SIZE;
            if (Long.compareUnsigned(next, last) > 0) return;
            page = next;
        }
    }

    /** Whether there is a range to touch (length is not 0); raises for a bad one. */
    private static boolean checkRange(long address, long length, int alignment) {
        if (length == 0) return false;
        if ((address & (alignment - 1)) != 0) throw ExRaise.exRaiseDatatypeMisalignment();
        long last = address + length - 1;
        if (Long.compareUnsigned(last, address) < 0 || Long.compareUnsigned(last, AddressLimits.MM_USER_PROBE_ADDRESS) >= 0) {
            throw ExRaise.exRaiseAccessViolation();
        }
        return true;
    }
}
