package ntsection.drivers.keystore;

/**
 * The key store's control codes (\Device\KeyStore), both METHOD_BUFFERED: the client
 * never sees a pointer into the driver, only copies through the system buffer.
 */
public final class KernelOnlyIoctl {
    private KernelOnlyIoctl() {
    }

    /** Input: the message (1 to MAX_MESSAGE bytes). Output: its TAG_LENGTH-byte HMAC-SHA256 tag. */
    public static final int IOCTL_KEYSTORE_SIGN = 0x222400; // CTL_CODE(FILE_DEVICE_UNKNOWN, 0x900, METHOD_BUFFERED, FILE_ANY_ACCESS)
    /** Input: a tag, then the message. Output: one byte, 1 if the tag is the store's for that message, else 0. */
    public static final int IOCTL_KEYSTORE_VERIFY = 0x222404; // CTL_CODE(FILE_DEVICE_UNKNOWN, 0x901, METHOD_BUFFERED, FILE_ANY_ACCESS)

    public static final int TAG_LENGTH = 32;
    public static final int MAX_MESSAGE = 4096;
}
