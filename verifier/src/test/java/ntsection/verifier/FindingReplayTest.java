package ntsection.verifier;

import ntsection.Executive;
import ntsection.ExecutiveConfig;
import ntsection.ke.RandomWalk;
import ntsection.ke.Replay;
import ntsection.ke.RunResult;
import ntsection.ke.Scheduler;
import ntsection.ke.Strategy;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.ob.ObjectAttributes;
import ntsection.ps.Process;
import ntsection.vf.Rule;
import ntsection.vf.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static ntsection.mm.PageProtection.MEM_COMMIT;
import static ntsection.mm.PageProtection.MEM_RESERVE;
import static ntsection.mm.PageProtection.PAGE_READWRITE;
import static ntsection.ob.Handles.NtCurrentProcess;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The schedule a finding file keeps is the one the kernel's scheduler records and replays:
 * a controlled run, its schedule saved with a finding and loaded back, replays the same
 * trace through ntsection.ke.Replay.
 */
class FindingReplayTest {
    @TempDir
    Path folder;

    /** Two threads race on a counter and create an event each round; returns the run and the final count. */
    private static Object[] race(Strategy strategy) {
        Executive system = Executive.boot(ExecutiveConfig.defaults().withPhysicalPages(64));
        Process process = system.createProcess("racer.exe", false);
        LongOut base = new LongOut();
        NtStatus status = system.inUserMode(process, () -> system.nt().ntAllocateVirtualMemory(NtCurrentProcess, base, 0,
                new LongOut(4096), MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE));
        assertEquals(NtStatus.STATUS_SUCCESS, status);
        Scheduler scheduler = system.useControlledScheduler(strategy);
        int[] count = new int[1];
        for (int t = 0; t < 2; t++) {
            system.startThread(process, context -> {
                for (int i = 0; i < 3; i++) {
                    int value = context.readInt(base.value);
                    context.nt().ntCreateEvent(new LongOut(), 0x1F0003, ObjectAttributes.unnamed(0), 0, false);
                    context.writeInt(base.value, value + 1);
                    count[0] = value + 1;
                }
            });
        }
        RunResult result = scheduler.run();
        system.mm().physicalMemory().close();
        assertEquals(RunResult.Outcome.COMPLETED, result.outcome(), result::describe);
        return new Object[] {result, count[0]};
    }

    @Test
    void aSavedScheduleReplaysTheSameRun() throws IOException {
        for (long seed = 0; seed < 5; seed++) {
            Object[] found = race(new RandomWalk(seed));
            RunResult run = (RunResult) found[0];
            Violation violation = new Violation(Rule.SV6, "a race on the counter", null, "Process racer.exe (pid 8)",
                    null, null, run.steps() / 2);
            Finding finding = Finding.of(violation, seed, Strategies.RANDOM, run.schedule(), List.of());
            Path path = folder.resolve(FindingFile.fileName((int) seed, finding));
            new FindingFile("none", List.of(), finding).save(path);

            FindingFile loaded = FindingFile.load(path);
            assertArrayEquals(run.schedule(), loaded.schedule());
            Object[] replayed = race(new Replay(loaded.schedule()));
            assertEquals(run.traceHash(), ((RunResult) replayed[0]).traceHash(), "seed " + seed);
            assertEquals(found[1], replayed[1], "seed " + seed);
        }
    }
}
