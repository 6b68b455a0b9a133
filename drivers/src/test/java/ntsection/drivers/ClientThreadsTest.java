package ntsection.drivers;

import ntsection.drivers.ring.RingClient;
import ntsection.drivers.ring.SharedViewDriver;
import ntsection.drivers.telemetry.SharedSectionDriver;
import ntsection.drivers.telemetry.TelemetryClient;
import ntsection.ke.RandomWalk;
import ntsection.ke.RunResult;
import ntsection.ke.Scheduler;
import ntsection.ps.Process;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The clients as user-mode threads under the controlled scheduler: two programs in two
 * processes, interleaved at every system call and every access to their views, get
 * the same answers in every walk.
 */
class ClientThreadsTest {
    @Test
    void ringAndTelemetryClientsRunSideBySide() {
        byte[] payload = {4, 5, 6, 7};
        CRC32 expected = new CRC32();
        expected.update(payload);
        for (long seed = 1; seed <= 20; seed++) {
            DriverSystem drivers = new DriverSystem(SharedViewDriver.SERVICE_NAME, SharedSectionDriver.SERVICE_NAME);
            Process ringUser = drivers.system.createProcess("ring.exe", false);
            Process monitor = drivers.system.createProcess("monitor.exe", false);
            Scheduler scheduler = drivers.system.useControlledScheduler(new RandomWalk(seed));
            int[] crcs = new int[1];
            long[] seen = {-1};
            drivers.system.startThread(ringUser, RingClient.session(List.of(payload), crcs));
            drivers.system.startThread(monitor, TelemetryClient.session(2, seen));
            RunResult result = scheduler.run();
            assertEquals(RunResult.Outcome.COMPLETED, result.outcome(), result::describe);
            assertEquals((int) expected.getValue(), crcs[0], "seed " + seed);
            assertEquals(2, seen[0], "seed " + seed);
        }
    }
}
