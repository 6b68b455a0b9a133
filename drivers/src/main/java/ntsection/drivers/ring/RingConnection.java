package ntsection.drivers.ring;

/**
 * One client's ring, kept in its file object's FsContext: the view's base in the
 * client's address space, a kernel handle to the client process so cleanup can unmap
 * it whichever thread closes the last handle, and the one-page capture buffer in
 * system space that each slot's data is copied into before the driver uses it.
 */
public final class RingConnection {
    public final long view;
    public final long processHandle;
    public final long capture;
    /** Requests served, and requests refused by validation: what a test or an attack checks. */
    public int served;
    public int refused;

    RingConnection(long view, long processHandle, long capture) {
        this.view = view;
        this.processHandle = processHandle;
        this.capture = capture;
    }
}
