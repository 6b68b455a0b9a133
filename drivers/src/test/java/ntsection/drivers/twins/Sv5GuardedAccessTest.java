package ntsection.drivers.twins;

import ntsection.drivers.DriverSystem;
import ntsection.drivers.attacks.PulledRing;
import ntsection.drivers.ring.SharedViewDriver;
import ntsection.ke.BugCheckError;
import ntsection.nt.NtStatus;
import ntsection.ps.Process;
import ntsection.user.UserContext;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static ntsection.ke.BugCheckCodes.SYSTEM_SERVICE_EXCEPTION;
import static ntsection.nt.NtStatus.STATUS_ACCESS_VIOLATION;
import static org.junit.jupiter.api.Assertions.*;

/**
 * SV5: a client that unmaps or reprotects its ring before submitting bug-checks the
 * system through the unguarded twin, and only fails its own request with the reference.
 * The view is taken away before the submit, so no interleaving is needed: the driver
 * trusts the address it mapped at connect.
 */
class Sv5GuardedAccessTest {
    private static void bugChecksTheTwin(Function<UserContext, NtStatus> attack) {
        DriverSystem twin = new DriverSystem(RingSv5GuardedAccessTwin.SERVICE_NAME);
        Process attacker = twin.system.createProcess("attacker.exe", false);
        BugCheckError stop = assertThrows(BugCheckError.class, () -> twin.asUser(attacker, attack));
        assertEquals(SYSTEM_SERVICE_EXCEPTION, stop.bugCheck().code());
        assertEquals(stop.bugCheck(), twin.system.kernel().bugCheck());
    }

    private static void referenceRefusesOnly(Function<UserContext, NtStatus> attack) {
        DriverSystem reference = new DriverSystem(SharedViewDriver.SERVICE_NAME);
        Process attacker = reference.system.createProcess("attacker.exe", false);
        assertEquals(STATUS_ACCESS_VIOLATION, reference.asUser(attacker, attack));
        assertNull(reference.system.kernel().bugCheck(), "the system lives");
    }

    @Test
    void unmappedRingBugChecksTheTwin() {
        bugChecksTheTwin(PulledRing::unmapThenSubmit);
    }

    @Test
    void noAccessRingBugChecksTheTwin() {
        bugChecksTheTwin(PulledRing::noAccessThenSubmit);
    }

    @Test
    void unmappedRingFailsOnlyTheRequestWithTheReference() {
        referenceRefusesOnly(PulledRing::unmapThenSubmit);
    }

    @Test
    void noAccessRingFailsOnlyTheRequestWithTheReference() {
        referenceRefusesOnly(PulledRing::noAccessThenSubmit);
    }
}
