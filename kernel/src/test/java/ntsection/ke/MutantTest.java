package ntsection.ke;

import ntsection.Executive;
import ntsection.ex.Mutant;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.ob.ObjectAttributes;
import ntsection.ps.Process;
import ntsection.testing.Systems;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static ntsection.nt.NtStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MutantTest {
    private Executive system;
    private Process process;

    private Scheduler boot(long seed) {
        system = Systems.boot();
        process = system.createProcess("mutex.exe", false);
        return system.useControlledScheduler(new RandomWalk(seed));
    }

    private long mutant() {
        LongOut handle = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inUserMode(process, () -> system.nt().ntCreateMutant(handle,
                Mutant.MUTANT_ALL_ACCESS, ObjectAttributes.unnamed(0), false)));
        return handle.value;
    }

    @Test
    void mutexOwnershipMakesTheCriticalSectionExclusive() {
        for (long seed = 0; seed < 20; seed++) {
            Scheduler scheduler = boot(seed);
            long mutex = mutant();
            List<String> log = Collections.synchronizedList(new ArrayList<>());
            for (String name : List.of("a", "b", "c")) {
                system.startThread(process, c -> {
                    assertEquals(STATUS_SUCCESS, c.waitFor(mutex));
                    log.add(name + "+");
                    c.yieldExecution();
                    log.add(name + "-");
                    assertEquals(STATUS_SUCCESS, c.nt().ntReleaseMutant(mutex, null));
                });
            }
            RunResult result = scheduler.run();
            assertEquals(RunResult.Outcome.COMPLETED, result.outcome(), result::describe);
            for (int i = 0; i < log.size(); i += 2) {
                assertEquals(log.get(i).charAt(0), log.get(i + 1).charAt(0), "seed " + seed + ": " + log);
            }
        }
    }

    @Test
    void mutexRecursionCountsLevels() {
        Scheduler scheduler = boot(0);
        long mutex = mutant();
        List<Long> previous = new ArrayList<>();
        NtStatus[] extra = new NtStatus[1];
        system.startThread(process, c -> {
            c.waitFor(mutex);
            c.waitFor(mutex);
            LongOut count = new LongOut();
            c.nt().ntReleaseMutant(mutex, count);
            previous.add(count.value);
            c.nt().ntReleaseMutant(mutex, count);
            previous.add(count.value);
            extra[0] = c.nt().ntReleaseMutant(mutex, count);
        });
        scheduler.run();
        assertEquals(List.of(-1L, 0L), previous);
        assertEquals(STATUS_MUTANT_NOT_OWNED, extra[0]);
    }

    @Test
    void onlyTheOwnerReleases() {
        Scheduler scheduler = boot(0);
        long mutex = mutant();
        NtStatus[] status = new NtStatus[2];
        system.startThread(process, c -> {
            status[0] = c.waitFor(mutex);
            c.yieldExecution();
        });
        system.startThread(process, c -> {
            c.yieldExecution();
            c.yieldExecution();
            status[1] = c.nt().ntReleaseMutant(mutex, null);
        });
        scheduler.run();
        assertEquals(STATUS_SUCCESS, status[0]);
        assertEquals(STATUS_MUTANT_NOT_OWNED, status[1]);
    }

    @Test
    void abbaDeadlockNamesTheOwners() {
        for (long seed = 0; seed < 50; seed++) {
            Scheduler scheduler = boot(seed);
            long a = mutant();
            long b = mutant();
            system.startThread(process, c -> {
                c.waitFor(a);
                c.waitFor(b);
                c.nt().ntReleaseMutant(b, null);
                c.nt().ntReleaseMutant(a, null);
            });
            system.startThread(process, c -> {
                c.waitFor(b);
                c.waitFor(a);
                c.nt().ntReleaseMutant(a, null);
                c.nt().ntReleaseMutant(b, null);
            });
            RunResult result = scheduler.run();
            if (result.outcome() == RunResult.Outcome.DEADLOCK) {
                assertEquals(2, result.threads().size());
                for (String thread : result.threads()) {
                    assertEquals(true, thread.contains("waits on Mutant") && thread.contains("owned by Thread"), result::describe);
                }
                return;
            }
            assertEquals(RunResult.Outcome.COMPLETED, result.outcome(), result::describe);
        }
        throw new AssertionError("no seed of 50 found the ABBA deadlock");
    }

    @Test
    void abandonedMutexIsReportedToTheNextOwner() {
        boot(0);
        // Lowest index first: the first thread takes the mutant and ends owning it.
        Scheduler scheduler = system.useControlledScheduler((step, runnable, count, current) -> 0);
        long mutex = mutant();
        NtStatus[] status = new NtStatus[2];
        system.startThread(process, c -> c.waitFor(mutex));
        system.startThread(process, c -> {
            c.yieldExecution();
            status[0] = c.waitFor(mutex);
            status[1] = c.nt().ntReleaseMutant(mutex, null);
        });
        RunResult result = scheduler.run();
        assertEquals(RunResult.Outcome.COMPLETED, result.outcome(), result::describe);
        assertEquals(STATUS_ABANDONED_WAIT_0, status[0]);
        assertEquals(STATUS_SUCCESS, status[1]);
    }
}
