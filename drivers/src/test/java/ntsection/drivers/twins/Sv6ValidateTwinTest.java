package ntsection.drivers.twins;

import ntsection.drivers.DriverSystem;
import ntsection.drivers.attacks.Sv6DoubleFetchAttack;
import ntsection.drivers.ring.RingClient;
import ntsection.drivers.ring.SharedViewDriver;
import ntsection.io.IoStatusBlock;
import ntsection.ke.RandomWalk;
import ntsection.ke.RunResult;
import ntsection.ke.Scheduler;
import ntsection.nt.NtStatus;
import ntsection.ps.Process;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static ntsection.drivers.ring.SharedViewIoctl.IOCTL_RING_SUBMIT;
import static ntsection.drivers.ring.SharedViewIoctl.SLOT_LENGTH;
import static ntsection.nt.NtStatus.STATUS_ACCESS_VIOLATION;
import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.*;

/**
 * SV6: a second client thread flips a slot's length while SUBMIT runs, under a seeded
 * random walk. Within seeds 1..SEEDS some walk lets the twin check the valid length and
 * copy with the flipped one, past its view: a fault the reference never takes.
 */
class Sv6ValidateTwinTest {
    private static final int SEEDS = 30;
    private static final byte[] PAYLOAD = "hello, ring".getBytes(StandardCharsets.UTF_8);

    /** What SUBMIT returned under the random walk of {@code seed}. */
    private static NtStatus submitUnderAttack(String serviceName, long seed) {
        DriverSystem ring = new DriverSystem(serviceName);
        Process client = ring.system.createProcess("client.exe", false);
        RingClient connected = ring.asUser(client, user -> {
            RingClient c = new RingClient(user);
            assertEquals(STATUS_SUCCESS, c.open());
            assertEquals(STATUS_SUCCESS, c.connect());
            c.fill(List.of(PAYLOAD));
            return c;
        });
        Scheduler scheduler = ring.system.useControlledScheduler(new RandomWalk(seed));
        NtStatus[] submitted = new NtStatus[1];
        ring.system.startThread(client, user -> submitted[0] = user.nt().ntDeviceIoControlFile(
                connected.deviceHandle(), new IoStatusBlock(), IOCTL_RING_SUBMIT, 0, 0, 0, 0));
        ring.system.startThread(client,
                Sv6DoubleFetchAttack.flipLength(connected.slot(0) + SLOT_LENGTH, PAYLOAD.length, 4));
        RunResult result = scheduler.run();
        assertEquals(RunResult.Outcome.COMPLETED, result.outcome(), result::describe);
        return submitted[0];
    }

    @Test
    void flippedLengthMakesTheTwinReadPastItsView() {
        long faulted = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            if (submitUnderAttack(Sv6ValidateTwin.SERVICE_NAME, seed) == STATUS_ACCESS_VIOLATION) faulted++;
        }
        assertTrue(faulted > 0, "no walk in seeds 1.." + SEEDS + " separated the twin's check from its use");
    }

    @Test
    void referenceDriverNeverReadsPastItsView() {
        for (long seed = 1; seed <= SEEDS; seed++) {
            assertEquals(STATUS_SUCCESS, submitUnderAttack(SharedViewDriver.SERVICE_NAME, seed), "seed " + seed);
        }
    }
}
