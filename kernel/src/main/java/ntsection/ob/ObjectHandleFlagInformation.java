package ntsection.ob;

/**
 * OBJECT_HANDLE_ATTRIBUTE_INFORMATION, the buffer of NtSetInformationObject's
 * ObjectHandleFlagInformation class: two BOOLEANs, so two bytes long.
 */
public record ObjectHandleFlagInformation(boolean inherit, boolean protectFromClose) {
    /** The OBJECT_INFORMATION_CLASS value of ObjectHandleFlagInformation. */
    public static final int CLASS = 4;
    /** sizeof(OBJECT_HANDLE_ATTRIBUTE_INFORMATION). */
    public static final long SIZE = 2;
}
