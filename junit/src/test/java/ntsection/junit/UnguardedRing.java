package ntsection.junit;

import ntsection.drivers.ring.RingConnection;
import ntsection.drivers.ring.SharedViewDriver;
import ntsection.nt.NtStatus;

import static ntsection.nt.NtStatus.STATUS_SUCCESS;

/**
 * A driver ntsection has never seen, as a driver author would write one: the request
 * ring without the try/except around its reads of the client's view (rule SV5). It has
 * no SERVICE_NAME of its own, so it loads under its simple name.
 */
public class UnguardedRing extends SharedViewDriver {
    @Override
    protected NtStatus submit(RingConnection connection) {
        serve(connection);
        return STATUS_SUCCESS;
    }
}
