package ntsection.drivers.twins;

import ntsection.drivers.DriverSystem;
import ntsection.drivers.ring.RingClient;
import ntsection.drivers.ring.SharedViewDriver;
import ntsection.mm.MemoryBasicInformation;
import ntsection.nt.Out;
import ntsection.ps.Process;
import org.junit.jupiter.api.Test;

import static ntsection.mm.PageProtection.MEM_MAPPED;
import static ntsection.mm.VirtualMemoryServices.MemoryBasicInformation;
import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static ntsection.ob.Handles.NtCurrentProcess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * SV4: the twin's ring, mapped from a work item, lands in the System process; the
 * requestor is told an address where it has no ring. The reference maps it into the
 * requestor and leaves System alone.
 */
class Sv4RequestorContextTest {
    /** Connects as {@code requestor} and returns the address the driver reported for the ring. */
    private static long connect(DriverSystem ring, Process requestor) {
        return ring.asUser(requestor, user -> {
            RingClient client = new RingClient(user);
            assertEquals(STATUS_SUCCESS, client.open());
            assertEquals(STATUS_SUCCESS, client.connect());
            return client.ring();
        });
    }

    /** The type (MEM_MAPPED, MEM_PRIVATE, or 0 when free) of the region at {@code address} in the requestor. */
    private static int inRequestor(DriverSystem ring, Process requestor, long address) {
        return ring.asUser(requestor, user -> {
            Out<MemoryBasicInformation> region = new Out<>();
            assertEquals(STATUS_SUCCESS, user.nt().ntQueryVirtualMemory(NtCurrentProcess, address,
                    MemoryBasicInformation, region));
            return region.value.type();
        });
    }

    /** The same, in the System process, queried from a system thread. */
    private static int inSystem(DriverSystem ring, long address) {
        return ring.system.inSystemThread(() -> {
            Out<MemoryBasicInformation> region = new Out<>();
            assertEquals(STATUS_SUCCESS, ring.system.zw().zwQueryVirtualMemory(NtCurrentProcess, address,
                    MemoryBasicInformation, region));
            return region.value.type();
        });
    }

    @Test
    void twinsRingLandsInTheSystemProcess() {
        DriverSystem twin = new DriverSystem(RingSv4RequestorContextTwin.SERVICE_NAME);
        Process requestor = twin.system.createProcess("requestor.exe", false);
        int before = twin.system.systemProcess().addressSpace().viewCount();
        long ring = connect(twin, requestor);
        assertNotEquals(MEM_MAPPED, inRequestor(twin, requestor, ring), "no ring at the reported address in the requestor,"
                + " at most its own private memory that happens to sit there");
        assertEquals(MEM_MAPPED, inSystem(twin, ring), "the ring is at that address in System");
        assertEquals(0, requestor.addressSpace().viewCount());
        assertEquals(before + 1, twin.system.systemProcess().addressSpace().viewCount());
    }

    @Test
    void referenceRingLandsInTheRequestor() {
        DriverSystem reference = new DriverSystem(SharedViewDriver.SERVICE_NAME);
        Process requestor = reference.system.createProcess("requestor.exe", false);
        int before = reference.system.systemProcess().addressSpace().viewCount();
        long ring = connect(reference, requestor);
        assertEquals(MEM_MAPPED, inRequestor(reference, requestor, ring));
        assertEquals(1, requestor.addressSpace().viewCount());
        assertEquals(before, reference.system.systemProcess().addressSpace().viewCount());
    }
}
