package ntsection.io;

import ntsection.Executive;
import ntsection.ExecutiveConfig;
import ntsection.io.samples.EchoDriver;
import ntsection.io.samples.EchoExtension;
import ntsection.io.samples.EchoFilterDriver;
import ntsection.io.samples.FilterExtension;
import ntsection.ke.ExhaustiveSearch;
import ntsection.ke.RandomWalk;
import ntsection.ke.Replay;
import ntsection.ke.RunResult;
import ntsection.ke.Scheduler;
import ntsection.ke.Strategy;
import ntsection.nt.LongOut;
import ntsection.ob.Handles;
import ntsection.ob.ObjectAttributes;
import ntsection.ps.Process;
import ntsection.ps.ProcessManager;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static ntsection.io.FileAccess.FILE_READ_DATA;
import static ntsection.io.samples.EchoIoctl.IOCTL_ECHO_WHO;
import static ntsection.mm.PageProtection.*;
import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The echo filter is the highest-level driver on \Device\Echo, so it runs in the
 * requestor's thread; the echo driver below it runs in whatever context the scheduler
 * chooses: the caller's, or a system worker's as if the filter had forwarded the IRP
 * from a work item. IOCTL_ECHO_WHO reports the process the echo driver ran in.
 */
class LowerDriverContextTest {

    /** What one controlled run showed: the process the echo driver's dispatch ran in, and the run itself. */
    private record Observed(int echoProcessId, int filterProcessId, int requestorMode, RunResult result) {
    }

    private static Observed run(Strategy strategy) {
        Executive system = Executive.boot(ExecutiveConfig.defaults().withPhysicalPages(64));
        assertEquals(STATUS_SUCCESS, system.loadDriver(EchoDriver.SERVICE_NAME));
        assertEquals(STATUS_SUCCESS, system.loadDriver(EchoFilterDriver.SERVICE_NAME));
        Process alice = system.createProcess("alice", false);
        Scheduler scheduler = system.useControlledScheduler(strategy);
        int[] who = new int[2];
        system.startThread(alice, c -> {
            LongOut handle = new LongOut();
            assertEquals(STATUS_SUCCESS, c.nt().ntOpenFile(handle, FILE_READ_DATA,
                    ObjectAttributes.named(EchoDriver.DEVICE_NAME, 0), new IoStatusBlock()));
            LongOut out = new LongOut();
            assertEquals(STATUS_SUCCESS, c.nt().ntAllocateVirtualMemory(Handles.NtCurrentProcess, out, 0,
                    new LongOut(0x1000), MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE));
            assertEquals(STATUS_SUCCESS, c.nt().ntDeviceIoControlFile(handle.value, new IoStatusBlock(), IOCTL_ECHO_WHO,
                    0, 0, out.value, 8));
            who[0] = c.readInt(out.value);
            who[1] = c.readInt(out.value + 4);
            assertEquals(STATUS_SUCCESS, c.nt().ntClose(handle.value));
        });
        RunResult result = scheduler.run();
        assertEquals(RunResult.Outcome.COMPLETED, result.outcome(), result::describe);
        DeviceObject filter = system.io().driver(EchoFilterDriver.SERVICE_NAME).devices().getFirst();
        int filterProcess = filter.extension(FilterExtension.class).lastThread.currentProcess().id();
        EchoExtension echo = filter.attachedTo().extension(EchoExtension.class);
        assertEquals(who[0], echo.lastThread.process().id());
        system.mm().physicalMemory().close();
        return new Observed(who[0], filterProcess, who[1], result);
    }

    @Test
    void lowerDriverDispatchRunsInAnotherProcessContextWhenTheSchedulerSaysSo() {
        Set<Integer> echoContexts = new HashSet<>();
        int aliceId = -1;
        for (long seed = 0; seed < 16 && echoContexts.size() < 2; seed++) {
            Observed observed = run(new RandomWalk(seed));
            aliceId = observed.filterProcessId();
            assertNotEquals(ProcessManager.SYSTEM_PROCESS_ID, observed.filterProcessId(),
                    "the highest-level driver always runs in the requestor's context");
            assertEquals(1, observed.requestorMode(), "the IRP says user mode whoever runs it");
            echoContexts.add(observed.echoProcessId());
        }
        assertEquals(Set.of(ProcessManager.SYSTEM_PROCESS_ID, aliceId), echoContexts,
                "some seed runs the echo driver on a system worker, another in alice's thread");
    }

    @Test
    void replayReproducesTheContextChoice() {
        for (long seed = 0; seed < 8; seed++) {
            Observed recorded = run(new RandomWalk(seed));
            Observed replayed = run(new Replay(recorded.result().schedule()));
            assertEquals(recorded.echoProcessId(), replayed.echoProcessId(), "seed " + seed);
            assertEquals(recorded.result().traceHash(), replayed.result().traceHash(), "seed " + seed);
        }
    }

    @Test
    void exhaustiveSearchExploresBothContexts() {
        Set<Integer> echoContexts = new HashSet<>();
        ExhaustiveSearch search = new ExhaustiveSearch(1);
        int runs = 0;
        for (Strategy strategy = search.nextRun(); strategy != null && runs < 200; strategy = search.nextRun()) {
            runs++;
            echoContexts.add(run(strategy).echoProcessId());
        }
        assertEquals(2, echoContexts.size(), runs + " schedules showed only " + echoContexts);
    }

    @Test
    void withoutAControlledSchedulerTheLowerDriverRunsInTheCallersThread() {
        EchoSystem echo = new EchoSystem();
        assertEquals(STATUS_SUCCESS, echo.system.loadDriver(EchoFilterDriver.SERVICE_NAME));
        Process alice = echo.system.createProcess("alice", false);
        long handle = echo.open(alice, FILE_READ_DATA);
        long out = echo.allocate(alice, 0x1000);
        assertEquals(STATUS_SUCCESS, echo.ioctl(alice, handle, IOCTL_ECHO_WHO, 0, 0, out, 8, new IoStatusBlock()));
        assertSame(alice.mainThread(), echo.echo().lastThread);
    }
}
