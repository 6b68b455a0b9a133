package ntsection.drivers.twins;

import ntsection.drivers.ring.RingConnection;
import ntsection.drivers.ring.SharedViewDriver;
import ntsection.nt.NtStatus;

import static ntsection.nt.NtStatus.STATUS_SUCCESS;

/**
 * The request ring broken for SV5 (guarded-access): it serves the ring with no try/except
 * around its reads and writes of the client's view, so a view the client unmapped or
 * made PAGE_NOACCESS faults in kernel mode with no handler, and the system bug-checks.
 */
public final class RingSv5GuardedAccessTwin extends SharedViewDriver {
    public static final String SERVICE_NAME = "sv5-guarded-access";

    @Override
    protected NtStatus submit(RingConnection connection) {
        // SV5 broken: the user-visible view is touched outside any guard.
        serve(connection);
        return STATUS_SUCCESS;
    }
}
