package ntsection.io.samples;

/**
 * The echo driver's control codes: one per transfer method, and a few that show a
 * rule. They are written out, because a switch needs constants and CTL_CODE is a
 * method; a test checks each against CTL_CODE.
 */
public final class EchoIoctl {
    private EchoIoctl() {
    }

    /** Input comes back as output, through the system buffer. */
    public static final int IOCTL_ECHO_BUFFERED = 0x222000; // CTL_CODE(FILE_DEVICE_UNKNOWN, 0x800, METHOD_BUFFERED, FILE_ANY_ACCESS)
    /** The output buffer is data for the driver, read through an MDL's system address. Needs read access. */
    public static final int IOCTL_ECHO_IN_DIRECT = 0x226005; // CTL_CODE(FILE_DEVICE_UNKNOWN, 0x801, METHOD_IN_DIRECT, FILE_READ_ACCESS)
    /** The input is written into the output buffer through an MDL's system address. */
    public static final int IOCTL_ECHO_OUT_DIRECT = 0x22200A; // CTL_CODE(FILE_DEVICE_UNKNOWN, 0x802, METHOD_OUT_DIRECT, FILE_ANY_ACCESS)
    /** Input to output through the raw user pointers, probed and inside try/except, as a careful driver does. */
    public static final int IOCTL_ECHO_NEITHER = 0x22200F; // CTL_CODE(FILE_DEVICE_UNKNOWN, 0x803, METHOD_NEITHER, FILE_ANY_ACCESS)
    /** The same without probe or guard: a bad or unmapped user pointer bug-checks the system. */
    public static final int IOCTL_ECHO_NEITHER_UNGUARDED = 0x222013; // CTL_CODE(FILE_DEVICE_UNKNOWN, 0x804, METHOD_NEITHER, FILE_ANY_ACCESS)
    /** Eight bytes out: the id of the process the dispatch routine runs in, then the IRP's RequestorMode (0 kernel, 1 user). */
    public static final int IOCTL_ECHO_WHO = 0x222014; // CTL_CODE(FILE_DEVICE_UNKNOWN, 0x805, METHOD_BUFFERED, FILE_ANY_ACCESS)
    /** IOCTL_ECHO_BUFFERED for handles opened with FILE_WRITE_DATA only. */
    public static final int IOCTL_ECHO_WRITE_ACCESS = 0x22A018; // CTL_CODE(FILE_DEVICE_UNKNOWN, 0x806, METHOD_BUFFERED, FILE_WRITE_ACCESS)
}
