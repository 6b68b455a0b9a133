package ntsection.drivers.ring;

/**
 * The request ring's control codes (\Device\RequestRing) and the layout of the view it
 * shares. The client fills data and slots, writes the count, and sends SUBMIT; the
 * driver answers each slot with a status and the CRC-32 of the bytes it names.
 */
public final class SharedViewIoctl {
    private SharedViewIoctl() {
    }

    /** Output: eight bytes, the base address of the ring's view in the caller's address space. */
    public static final int IOCTL_RING_CONNECT = 0x222440; // CTL_CODE(FILE_DEVICE_UNKNOWN, 0x910, METHOD_BUFFERED, FILE_ANY_ACCESS)
    /** No buffers: serve the slots the ring's count names. */
    public static final int IOCTL_RING_SUBMIT = 0x222444; // CTL_CODE(FILE_DEVICE_UNKNOWN, 0x911, METHOD_BUFFERED, FILE_ANY_ACCESS)

    public static final long RING_SIZE = 16384;
    /** A 32-bit count of filled slots, at most MAX_SLOTS. */
    public static final int COUNT = 0;
    public static final int SLOTS = 16;
    public static final int MAX_SLOTS = 32;
    /** Each slot: data offset, data length (both client-written), status code and CRC-32 (driver-written). */
    public static final int SLOT_SIZE = 16;
    public static final int SLOT_OFFSET = 0;
    public static final int SLOT_LENGTH = 4;
    public static final int SLOT_STATUS = 8;
    public static final int SLOT_CRC = 12;
    /** Where the data slots point into, and how much of it there is. */
    public static final int DATA = 4096;
    public static final int DATA_SIZE = (int) RING_SIZE - DATA;
    /** The most one slot may name: one page, the size of the driver's capture buffer. */
    public static final int MAX_SLOT_DATA = 4096;
}
