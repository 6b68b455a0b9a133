package ntsection.drivers.twins;

import ntsection.drivers.SystemWorkerCall;
import ntsection.drivers.ring.SharedViewDriver;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;

/**
 * The request ring broken for SV4 (requestor-context): it maps the ring from a work item,
 * as if deferring the work, so NtCurrentProcess is the System process there and the view
 * meant for the requestor lands in System. The requestor is handed an address that means
 * nothing in its own address space.
 */
public final class RingSv4RequestorContextTwin extends SharedViewDriver {
    public static final String SERVICE_NAME = "sv4-requestor-context";

    @Override
    protected NtStatus mapRing(long section, LongOut base) {
        // SV4 broken: mapped on a system worker, not in the requestor's thread, so the view is System's.
        return SystemWorkerCall.run(system, () -> mapInCurrentProcess(section, base));
    }
}
