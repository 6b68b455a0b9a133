package ntsection.drivers.telemetry;

/** The telemetry device's control codes (\Device\Telemetry) and the layout of its section. */
public final class SharedSectionIoctl {
    private SharedSectionIoctl() {
    }

    /** Output: eight bytes, a new read-only handle to the telemetry section in the caller's handle table. */
    public static final int IOCTL_TELEMETRY_OPEN_SECTION = 0x222480; // CTL_CODE(FILE_DEVICE_UNKNOWN, 0x920, METHOD_BUFFERED, FILE_ANY_ACCESS)
    /** No buffers: counts one event, as the driver's own work would. */
    public static final int IOCTL_TELEMETRY_RECORD_EVENT = 0x222484; // CTL_CODE(FILE_DEVICE_UNKNOWN, 0x921, METHOD_BUFFERED, FILE_ANY_ACCESS)

    public static final long SECTION_SIZE = 4096;
    /** Offsets of the little-endian 64-bit counters at the start of the section. */
    public static final int EVENTS_RECORDED = 0;
    public static final int HANDLES_GIVEN = 8;
}
