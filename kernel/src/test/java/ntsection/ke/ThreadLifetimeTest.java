package ntsection.ke;

import ntsection.Executive;
import ntsection.nt.NtStatus;
import ntsection.ps.Process;
import ntsection.testing.Systems;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreadLifetimeTest {

    @Test
    void terminatedProcessThreadStopsAtItsNextUserModePoint() {
        for (long seed = 0; seed < 10; seed++) {
            Executive system = Systems.boot();
            Process victim = system.createProcess("victim.exe", false);
            Process other = system.createProcess("other.exe", false);
            Scheduler scheduler = system.useControlledScheduler(new RandomWalk(seed));
            int[] spins = new int[1];
            system.startThread(victim, c -> {
                while (true) {
                    c.yieldExecution();
                    spins[0]++;
                }
            });
            system.startThread(other, c -> {
                for (int i = 0; i < 5; i++) c.yieldExecution();
                system.terminateProcess(victim, NtStatus.STATUS_SUCCESS);
            });
            RunResult result = scheduler.run();
            assertEquals(RunResult.Outcome.COMPLETED, result.outcome(), result::describe);
            assertTrue(spins[0] < 100, "seed " + seed + ": " + spins[0]);
        }
    }

    @Test
    void exceptionEscapingASystemThreadBugChecks() {
        Executive system = Systems.boot();
        Scheduler scheduler = system.useControlledScheduler(new RandomWalk(0));
        system.startSystemThread(() -> system.mm().access().readInt(0x10000));
        RunResult result = scheduler.run();
        assertEquals(RunResult.Outcome.BUG_CHECK, result.outcome(), result::describe);
        assertEquals(BugCheckCodes.SYSTEM_THREAD_EXCEPTION_NOT_HANDLED, result.bugCheck().code());
    }
}
