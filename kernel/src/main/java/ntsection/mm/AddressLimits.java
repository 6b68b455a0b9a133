package ntsection.mm;

/**
 * The x64 address map the model uses: a 47-bit user range with 64 KiB allocation
 * granularity, and system space from MmSystemRangeStart up. System views live in their
 * own window of system space, away from the addresses Ob gives object bodies.
 */
public final class AddressLimits {
    private AddressLimits() {
    }

    public static final long MM_LOWEST_USER_ADDRESS = 0x10000L;
    public static final long MM_HIGHEST_USER_ADDRESS = 0x7FFFFFFEFFFFL;
    public static final long MM_USER_PROBE_ADDRESS = 0x7FFFFFFF0000L;
    /** The highest address a VAD may cover: sixteen pages below the highest user address. */
    public static final long MM_HIGHEST_VAD_ADDRESS = MM_HIGHEST_USER_ADDRESS - 16L * PageProtection.PAGE_SIZE;
    public static final long MM_SYSTEM_RANGE_START = 0xFFFF800000000000L;
    public static final long SYSTEM_VIEW_START = 0xFFFFF70000000000L;
    /** 16 GiB of system view space, handed out in 64 KiB buckets. */
    public static final long SYSTEM_VIEW_END = SYSTEM_VIEW_START + (16L << 30) - 1;
    /** MmMapViewInSystemSpace refuses views above 4 GiB. */
    public static final long MAX_SYSTEM_VIEW_SIZE = 1L << 32;

    /** At or above MmSystemRangeStart (compared unsigned: kernel addresses are negative longs). */
    public static boolean isSystemAddress(long address) {
        return Long.compareUnsigned(address, MM_SYSTEM_RANGE_START) >= 0;
    }

    public static long granularityRoundDown(long address) {
        return address & -(long) PageProtection.MM_ALLOCATION_GRANULARITY;
    }

    public static long granularityRoundUp(long address) {
        return granularityRoundDown(address + PageProtection.MM_ALLOCATION_GRANULARITY - 1);
    }
}
