package ntsection.drivers.rules;

import ntsection.drivers.ring.RingClient;
import ntsection.drivers.ring.SharedViewDriver;
import ntsection.drivers.twins.RingSv4RequestorContextTwin;
import ntsection.ps.Process;
import ntsection.vf.Rule;
import ntsection.vf.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.*;

/** SV4 requestor-context: the ring twin maps the requestor's ring from a work item, into System. */
class Sv4RequestorContextRuleTest {
    private static long connect(Watched ring, Process requestor) {
        return ring.asUser(requestor, user -> {
            RingClient client = new RingClient(user);
            assertEquals(STATUS_SUCCESS, client.open());
            assertEquals(STATUS_SUCCESS, client.connect());
            return client.ring();
        });
    }

    @Test
    void sv4FlagsTheRingMappedIntoSystemForTheRequestor() {
        Watched twin = new Watched(RingSv4RequestorContextTwin.SERVICE_NAME);
        Process requestor = twin.system.createProcess("requestor.exe", false);
        int before = twin.system.systemProcess().addressSpace().viewCount();
        long ring = connect(twin, requestor);
        List<Violation> found = twin.assertOnly(Rule.SV4, RingSv4RequestorContextTwin.class, SharedViewDriver.class);
        assertEquals(1, found.size(), () -> Watched.describe(found));
        assertEquals(0, requestor.addressSpace().viewCount());
        assertEquals(before + 1, twin.system.systemProcess().addressSpace().viewCount());
        Violation violation = found.getFirst();
        assertEquals(twin.system.systemProcess().describe(), violation.process(), "mapped on a system worker");
        assertTrue(violation.object().contains("view at 0x" + Long.toHexString(ring)), violation::object);
        assertTrue(violation.message().contains(requestor.describe()), violation::message);
    }

    @Test
    void referenceRingBreaksNoRule() {
        Watched reference = new Watched(SharedViewDriver.SERVICE_NAME);
        Process requestor = reference.system.createProcess("requestor.exe", false);
        connect(reference, requestor);
        reference.assertClean();
        assertEquals(1, requestor.addressSpace().viewCount());
    }
}
