package ntsection.mm;

/**
 * SECTION_BASIC_INFORMATION as NtQuerySection returns it: the base address (0 unless
 * the section is SEC_BASED), the SEC_* attributes and the section's size.
 */
public record SectionBasicInformation(long baseAddress, int attributes, long size) {
}
