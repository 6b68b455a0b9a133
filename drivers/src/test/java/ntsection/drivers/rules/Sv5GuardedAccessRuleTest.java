package ntsection.drivers.rules;

import ntsection.drivers.attacks.PulledRing;
import ntsection.drivers.ring.RingClient;
import ntsection.drivers.ring.SharedViewDriver;
import ntsection.drivers.twins.RingSv5GuardedAccessTwin;
import ntsection.ke.BugCheckError;
import ntsection.nt.NtStatus;
import ntsection.ps.Process;
import ntsection.user.UserContext;
import ntsection.vf.Rule;
import ntsection.vf.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static ntsection.nt.NtStatus.STATUS_ACCESS_VIOLATION;
import static org.junit.jupiter.api.Assertions.*;

/** SV5 guarded-access: the ring twin serves the client's view outside try/except. */
class Sv5GuardedAccessRuleTest {
    private static final List<byte[]> PAYLOADS = List.of(new byte[]{1, 2, 3}, new byte[]{4, 5});

    /** A plain session: nothing pulls the view away, so nothing crashes, and the rule is still broken. */
    private static Watched session(String serviceName) {
        Watched ring = new Watched(serviceName);
        Process client = ring.system.createProcess("client.exe", false);
        int[] crcs = new int[PAYLOADS.size()];
        ring.run(client, user -> RingClient.session(PAYLOADS, crcs).run(user));
        assertNotEquals(0, crcs[0], "the ring served the request");
        return ring;
    }

    @Test
    void sv5FlagsTheTwinsUnguardedAccessesWithoutAnyAttack() {
        Watched twin = session(RingSv5GuardedAccessTwin.SERVICE_NAME);
        List<Violation> found = twin.assertOnly(Rule.SV5, RingSv5GuardedAccessTwin.class, SharedViewDriver.class);
        assertTrue(found.stream().anyMatch(v -> v.message().contains("read of 4 bytes")), () -> Watched.describe(found));
        assertTrue(found.stream().anyMatch(v -> v.message().contains("write of 4 bytes")), () -> Watched.describe(found));
        assertNull(twin.system.kernel().bugCheck());
    }

    @Test
    void referenceRingSessionBreaksNoRule() {
        session(SharedViewDriver.SERVICE_NAME).assertClean();
    }

    private static void attackTwin(Function<UserContext, NtStatus> attack) {
        Watched twin = new Watched(RingSv5GuardedAccessTwin.SERVICE_NAME);
        Process attacker = twin.system.createProcess("attacker.exe", false);
        assertThrows(BugCheckError.class, () -> twin.asUser(attacker, attack));
        List<Violation> found = twin.assertOnly(Rule.SV5, SharedViewDriver.class);
        assertEquals(1, found.size(), "the first access faults: " + Watched.describe(found));
        assertEquals("serve", found.getFirst().frame().getMethodName());
        assertEquals(attacker.describe(), found.getFirst().process());
    }

    private static void attackReference(Function<UserContext, NtStatus> attack) {
        Watched reference = new Watched(SharedViewDriver.SERVICE_NAME);
        Process attacker = reference.system.createProcess("attacker.exe", false);
        assertEquals(STATUS_ACCESS_VIOLATION, reference.asUser(attacker, attack));
        assertNull(reference.system.kernel().bugCheck());
        reference.assertClean();
    }

    @Test
    void sv5FlagsTheAccessThatFaultsOnAnUnmappedRing() {
        attackTwin(PulledRing::unmapThenSubmit);
    }

    @Test
    void sv5FlagsTheAccessThatFaultsOnANoAccessRing() {
        attackTwin(PulledRing::noAccessThenSubmit);
    }

    @Test
    void referenceRingBreaksNoRuleWhenTheRingIsPulled() {
        attackReference(PulledRing::unmapThenSubmit);
        attackReference(PulledRing::noAccessThenSubmit);
    }
}
