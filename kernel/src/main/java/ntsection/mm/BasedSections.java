package ntsection.mm;

import java.util.Map;
import java.util.TreeMap;

import static ntsection.mm.PageProtection.MM_ALLOCATION_GRANULARITY;

/**
 * The system-wide ranges of SEC_BASED sections (NT's based-section tree): each based
 * section gets a user address that no other based section uses, taken top-down, so
 * every process that maps it can map it at the same address. The range goes with the
 * section object.
 */
final class BasedSections {
    /**
     * Model choice: based sections are placed downwards from the top of the mappable
     * user range, so a based range always lies wholly at or below MM_HIGHEST_VAD_ADDRESS
     * and a NULL-base map of the section can land there. The 64 KiB-aligned end just
     * past MM_HIGHEST_VAD_ADDRESS is the ceiling.
     */
    static final long HIGH_SECTION_BASE = AddressLimits.granularityRoundDown(AddressLimits.MM_HIGHEST_VAD_ADDRESS + 1);
    /** Where placement gives up: the lowest address a view can start at. */
    static final long LOW_SECTION_BASE = 0x10000L;

    private final TreeMap<Long, Long> ranges = new TreeMap<>();

    /** A 64 KiB-aligned base below every range in use that {@code size} bytes fit under, or 0 when none fits. */
    synchronized long allocate(long size) {
        long span = (size + MM_ALLOCATION_GRANULARITY - 1) & -(long) MM_ALLOCATION_GRANULARITY;
        long ceiling = HIGH_SECTION_BASE;
        for (Map.Entry<Long, Long> range : ranges.descendingMap().entrySet()) {
            long end = range.getKey() + range.getValue();
            if (ceiling - end >= span) break;
            ceiling = range.getKey();
        }
        if (span > ceiling - LOW_SECTION_BASE) return 0;
        long base = ceiling - span;
        ranges.put(base, span);
        return base;
    }

    synchronized void release(long base) {
        ranges.remove(base);
    }
}
