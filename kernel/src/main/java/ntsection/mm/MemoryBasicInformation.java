package ntsection.mm;

/**
 * MEMORY_BASIC_INFORMATION: the region of like pages that starts at the queried page.
 * Free memory reports MEM_FREE, PAGE_NOACCESS and zeros; reserved pages report
 * protection 0.
 */
public record MemoryBasicInformation(long baseAddress, long allocationBase, int allocationProtect, long regionSize,
                                     int state, int protect, int type) {
}
