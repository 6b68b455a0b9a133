package ntsection.drivers.ring;

/**
 * One client's ring, kept in its file object's FsContext: the view's base in the
 * client's address space, and a kernel handle to the client process so cleanup can
 * unmap it whichever thread closes the last handle.
 */
public final class RingConnection {
    public final long view;
    public final long processHandle;
    /** Requests served, and requests refused by validation: what a test or an attack checks. */
    public int served;
    public int refused;

    RingConnection(long view, long processHandle) {
        this.view = view;
        this.processHandle = processHandle;
    }
}
