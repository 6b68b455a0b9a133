package ntsection.mm;

/**
 * The ZeroBits argument of NtMapViewOfSection and NtAllocateVirtualMemory on x64: 0 is
 * no limit; 1 to 21 keep the top 32+N bits of the address clear, as on 32-bit Windows
 * (the address stays below 2^(32-N)); 22 to 31 are invalid; 32 and above (and any
 * value that is negative as a signed number) are an address mask whose leading zero
 * bits are the limit.
 */
final class ZeroBits {
    static final long INVALID = 0;

    private ZeroBits() {
    }

    /** The highest address a range may reach under this ZeroBits value, or INVALID. */
    static long highestAddress(long zeroBits) {
        if (zeroBits == 0) return AddressLimits.MM_HIGHEST_VAD_ADDRESS;
        if (zeroBits > 0 && zeroBits <= 21) return Math.min((1L << (32 - zeroBits)) - 1, AddressLimits.MM_HIGHEST_VAD_ADDRESS);
        if (zeroBits > 0 && zeroBits < 32) return INVALID;
        long mask = -1L >>> Long.numberOfLeadingZeros(zeroBits);
        return mask < 0 ? AddressLimits.MM_HIGHEST_VAD_ADDRESS : Math.min(mask, AddressLimits.MM_HIGHEST_VAD_ADDRESS);
    }
}
