package ntsection.drivers.rules;

import ntsection.drivers.attacks.Sv6DoubleFetchAttack;
import ntsection.drivers.ring.RingClient;
import ntsection.drivers.ring.SharedViewDriver;
import ntsection.drivers.twins.Sv6ValidateTwin;
import ntsection.io.IoStatusBlock;
import ntsection.ke.RandomWalk;
import ntsection.ke.RunResult;
import ntsection.ke.Scheduler;
import ntsection.ps.Process;
import ntsection.vf.Rule;
import ntsection.vf.Violation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static ntsection.drivers.ring.SharedViewIoctl.IOCTL_RING_SUBMIT;
import static ntsection.drivers.ring.SharedViewIoctl.SLOT_LENGTH;
import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.*;

/**
 * SV6 validate: the ring twin reads a slot's length twice in one request. The check
 * flags it in every schedule, whether or not the flipping thread got between the two
 * reads; the findings carry the controlled run's step.
 */
class Sv6ValidateRuleTest {
    private static final int SEEDS = 6;
    private static final byte[] PAYLOAD = "hello, ring".getBytes(StandardCharsets.UTF_8);

    /** SUBMIT under a seeded random walk, a second client thread flipping the slot's length meanwhile. */
    private static Watched submitUnderAttack(String serviceName, long seed) {
        Watched ring = new Watched(serviceName);
        Process client = ring.system.createProcess("client.exe", false);
        RingClient connected = ring.asUser(client, user -> {
            RingClient c = new RingClient(user);
            assertEquals(STATUS_SUCCESS, c.open());
            assertEquals(STATUS_SUCCESS, c.connect());
            c.fill(List.of(PAYLOAD));
            return c;
        });
        Scheduler scheduler = ring.system.useControlledScheduler(new RandomWalk(seed));
        ring.system.startThread(client, user -> user.nt().ntDeviceIoControlFile(connected.deviceHandle(),
                new IoStatusBlock(), IOCTL_RING_SUBMIT, 0, 0, 0, 0));
        ring.system.startThread(client,
                Sv6DoubleFetchAttack.flipLength(connected.slot(0) + SLOT_LENGTH, PAYLOAD.length, 4));
        RunResult result = scheduler.run();
        assertEquals(RunResult.Outcome.COMPLETED, result.outcome(), result::describe);
        return ring;
    }

    @Test
    void sv6FlagsTheTwinsSecondReadWithoutAnyAttack() {
        Watched twin = new Watched(Sv6ValidateTwin.SERVICE_NAME);
        Process client = twin.system.createProcess("client.exe", false);
        int[] crcs = new int[1];
        twin.run(client, user -> RingClient.session(List.of(PAYLOAD), crcs).run(user));
        assertNotEquals(0, crcs[0]);
        List<Violation> found = twin.assertOnly(Rule.SV6, Sv6ValidateTwin.class);
        assertEquals(1, found.size(), () -> Watched.describe(found));
        Violation violation = found.getFirst();
        assertEquals("capture", violation.frame().getMethodName());
        assertTrue(violation.message().contains("SharedViewDriver.serve"), "names the first read: " + violation.message());
        assertEquals(-1, violation.step());
    }

    /**
     * Under the flipping thread a schedule either lets the twin read the length twice
     * (SV6, at a controlled step) or shows it the long length first, which it refuses
     * before any second read: then there is nothing to flag.
     */
    @Test
    void sv6FlagsTheTwinsSecondReadAtItsStepUnderAnAttack() {
        int flagged = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            Watched twin = submitUnderAttack(Sv6ValidateTwin.SERVICE_NAME, seed);
            if (twin.checks.violations().isEmpty()) continue;
            flagged++;
            List<Violation> found = twin.assertOnly(Rule.SV6, Sv6ValidateTwin.class);
            assertEquals(1, found.size(), () -> Watched.describe(found));
            assertTrue(found.getFirst().step() > 0, "a controlled run's step: " + found.getFirst().step());
        }
        assertTrue(flagged > 0, "no schedule of seeds 1.." + SEEDS + " reached the second read");
    }

    @Test
    void referenceRingBreaksNoRuleInAnySchedule() {
        for (long seed = 1; seed <= SEEDS; seed++) submitUnderAttack(SharedViewDriver.SERVICE_NAME, seed).assertClean();
    }

    @Test
    void sv6IsCountedPerRequest() {
        Watched reference = new Watched(SharedViewDriver.SERVICE_NAME);
        Process client = reference.system.createProcess("client.exe", false);
        reference.run(client, user -> {
            RingClient c = new RingClient(user);
            assertEquals(STATUS_SUCCESS, c.open());
            assertEquals(STATUS_SUCCESS, c.connect());
            c.fill(List.of(PAYLOAD));
            for (int i = 0; i < 3; i++) assertEquals(STATUS_SUCCESS, c.submit());
            c.close();
        });
        reference.assertClean();
    }
}
