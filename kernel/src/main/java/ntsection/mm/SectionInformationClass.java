package ntsection.mm;

/** SECTION_INFORMATION_CLASS values NtQuerySection takes, and the buffer sizes they need on x64. */
public final class SectionInformationClass {
    private SectionInformationClass() {
    }

    public static final int SectionBasicInformation = 0;
    public static final int SectionImageInformation = 1;

    /** sizeof(SECTION_BASIC_INFORMATION) on x64: a pointer, a ULONG padded to 8, a LARGE_INTEGER. */
    public static final int SECTION_BASIC_INFORMATION_SIZE = 24;
    /** sizeof(SECTION_IMAGE_INFORMATION) on x64. */
    public static final int SECTION_IMAGE_INFORMATION_SIZE = 0x40;
}
