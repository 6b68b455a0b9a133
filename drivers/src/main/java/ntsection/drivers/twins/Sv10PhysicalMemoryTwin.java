package ntsection.drivers.twins;

import ntsection.drivers.broker.PhysicalMemoryBroker;
import ntsection.ps.Process;

/** The physical-memory broker with SV10 broken: it never asks whether the caller is trusted. */
public final class Sv10PhysicalMemoryTwin extends PhysicalMemoryBroker {
    public static final String SERVICE_NAME = "sv10-physical-memory";

    @Override
    protected boolean mayReceivePhysicalMemory(Process requestor) {
        // SV10 physical-memory broken: \Device\PhysicalMemory reaches untrusted processes too.
        return true;
    }
}
