package ntsection.drivers.broker;

/** The broker's control code (\Device\PhysicalMemoryBroker). */
public final class BrokerIoctl {
    private BrokerIoctl() {
    }

    /**
     * Output: eight bytes, a new read-only (SECTION_MAP_READ) handle to \Device\PhysicalMemory
     * in the caller's handle table. STATUS_ACCESS_DENIED unless the caller's token is trusted.
     */
    public static final int IOCTL_BROKER_OPEN_PHYSICAL_MEMORY = 0x2224C0; // CTL_CODE(FILE_DEVICE_UNKNOWN, 0x930, METHOD_BUFFERED, FILE_ANY_ACCESS)
}
