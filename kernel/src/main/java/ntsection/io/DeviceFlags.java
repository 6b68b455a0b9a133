package ntsection.io;

/** DEVICE_OBJECT Flags and device types the model reads, with the WDK's values. */
public final class DeviceFlags {
    private DeviceFlags() {
    }

    public static final int DO_EXCLUSIVE = 0x00000008;
    public static final int DO_DIRECT_IO = 0x00000010;
    public static final int DO_BUFFERED_IO = 0x00000004;
    public static final int DO_DEVICE_HAS_NAME = 0x00000040;
    public static final int DO_DEVICE_INITIALIZING = 0x00000080;

    public static final int FILE_DEVICE_UNKNOWN = 0x00000022;
}
