package ntsection.io.samples;

import ntsection.ke.ProcessorMode;
import ntsection.ps.Thread;

/** The echo device's extension: what it has seen, for whoever tests or watches it. */
public final class EchoExtension {
    public int creates;
    public int cleanups;
    public int closes;
    /** The thread and requestor mode of the last device-control request. */
    public Thread lastThread;
    public ProcessorMode lastRequestorMode;
    /** What the last IRP_MJ_WRITE wrote: IRP_MJ_READ gives it back. */
    public byte[] written = new byte[0];
    /** What IOCTL_ECHO_IN_DIRECT read through the MDL's system address. */
    public byte[] received = new byte[0];
}
