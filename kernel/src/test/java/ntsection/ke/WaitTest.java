package ntsection.ke;

import ntsection.Executive;
import ntsection.ex.Event;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Events and waits, each under several random-walk seeds so that no lucky order hides a bug. */
class WaitTest {
    private static final int SEEDS = 20;

    private Executive system;
    private Process process;

    private long event(int type, boolean signaled) {
        LongOut handle = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inUserMode(process, () -> system.nt().ntCreateEvent(handle, Event.EVENT_ALL_ACCESS,
                ObjectAttributes.unnamed(0), type, signaled)));
        return handle.value;
    }

    private Scheduler boot(long seed) {
        system = Systems.boot();
        process = system.createProcess("waiter.exe", false);
        return system.useControlledScheduler(new RandomWalk(seed));
    }

    @Test
    void syncEventWakesOneWaiter() {
        for (long seed = 0; seed < SEEDS; seed++) {
            Scheduler scheduler = boot(seed);
            long event = event(Event.SynchronizationEvent, false);
            List<NtStatus> woken = Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < 3; i++) system.startThread(process, c -> woken.add(c.waitFor(event, 10_000)));
            system.startThread(process, c -> c.nt().ntSetEvent(event, null));
            RunResult result = scheduler.run();
            assertEquals(RunResult.Outcome.COMPLETED, result.outcome(), result::describe);
            assertEquals(1, Collections.frequency(woken, STATUS_SUCCESS), "seed " + seed + ": " + woken);
            assertEquals(2, Collections.frequency(woken, STATUS_TIMEOUT), "seed " + seed + ": " + woken);
        }
    }

    @Test
    void notificationEventWakesAll() {
        for (long seed = 0; seed < SEEDS; seed++) {
            Scheduler scheduler = boot(seed);
            long event = event(Event.NotificationEvent, false);
            List<NtStatus> woken = Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < 3; i++) system.startThread(process, c -> woken.add(c.waitFor(event)));
            system.startThread(process, c -> c.nt().ntSetEvent(event, null));
            RunResult result = scheduler.run();
            assertEquals(RunResult.Outcome.COMPLETED, result.outcome(), result::describe);
            assertEquals(List.of(STATUS_SUCCESS, STATUS_SUCCESS, STATUS_SUCCESS), woken);
        }
    }

    @Test
    void waitTimesOut() {
        Scheduler scheduler = boot(0);
        long event = event(Event.NotificationEvent, false);
        NtStatus[] status = new NtStatus[2];
        system.startThread(process, c -> status[0] = c.waitFor(event, 10_000));
        system.startThread(process, c -> status[1] = c.nt().ntWaitForSingleObject(event, false, 0L));
        RunResult result = scheduler.run();
        assertEquals(RunResult.Outcome.COMPLETED, result.outcome(), result::describe);
        assertEquals(STATUS_TIMEOUT, status[0]);
        assertEquals(STATUS_TIMEOUT, status[1]);
    }

    @Test
    void earlierDeadlineExpiresFirst() {
        Scheduler scheduler = boot(0);
        long event = event(Event.NotificationEvent, false);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        system.startThread(process, c -> {
            c.waitFor(event, 50_000);
            order.add("long");
        });
        system.startThread(process, c -> {
            c.waitFor(event, 10_000);
            order.add("short");
            c.nt().ntSetEvent(event, null);
        });
        RunResult result = scheduler.run();
        assertEquals(RunResult.Outcome.COMPLETED, result.outcome(), result::describe);
        // The short wait times out and sets the event, which wakes the long one before its deadline.
        assertEquals(List.of("short", "long"), order);
    }

    @Test
    void signaledEventSatisfiesAtOnceAndSyncEventResets() {
        Scheduler scheduler = boot(0);
        long event = event(Event.SynchronizationEvent, true);
        NtStatus[] status = new NtStatus[2];
        system.startThread(process, c -> {
            status[0] = c.nt().ntWaitForSingleObject(event, false, 0L);
            status[1] = c.nt().ntWaitForSingleObject(event, false, 0L);
        });
        scheduler.run();
        assertEquals(STATUS_SUCCESS, status[0]);
        assertEquals(STATUS_TIMEOUT, status[1]);
    }

    @Test
    void waitNeedsSynchronizeAccess() {
        // A section handle never carries SYNCHRONIZE, so the reference fails before the type matters.
        Scheduler scheduler = boot(0);
        LongOut section = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inUserMode(process, () -> system.nt().ntCreateSection(section, 0xF001F,
                null, 4096L, 0x04, 0x8000000, 0)));
        NtStatus[] status = new NtStatus[1];
        system.startThread(process, c -> status[0] = c.waitFor(section.value, 0));
        scheduler.run();
        assertEquals(STATUS_ACCESS_DENIED, status[0]);
    }

    @Test
    void deadlockIsReportedNotHung() {
        Scheduler scheduler = boot(3);
        long first = event(Event.SynchronizationEvent, false);
        long second = event(Event.SynchronizationEvent, false);
        system.startThread(process, c -> {
            c.waitFor(first);
            c.nt().ntSetEvent(second, null);
        });
        system.startThread(process, c -> {
            c.waitFor(second);
            c.nt().ntSetEvent(first, null);
        });
        RunResult result = scheduler.run();
        assertEquals(RunResult.Outcome.DEADLOCK, result.outcome());
        assertEquals(2, result.threads().size(), result::describe);
        for (String thread : result.threads()) {
            assertTrue(thread.contains("waits on Event") && thread.contains("not signaled") && thread.contains("no timeout"),
                    result::describe);
        }
    }

    @Test
    void bugCheckStopsEveryThread() {
        Scheduler scheduler = boot(5);
        long never = event(Event.NotificationEvent, false);
        List<String> finished = Collections.synchronizedList(new ArrayList<>());
        system.startThread(process, c -> {
            c.waitFor(never);
            finished.add("waiter");
        });
        system.startThread(process, c -> {
            for (int i = 0; i < 100; i++) c.yieldExecution();
            finished.add("spinner");
        });
        system.startThread(process, c -> {
            throw system.kernel().keBugCheckEx(BugCheckCodes.INVALID_KERNEL_HANDLE, 1, 2, 3, 4);
        });
        RunResult result = scheduler.run();
        assertEquals(RunResult.Outcome.BUG_CHECK, result.outcome());
        assertEquals(BugCheckCodes.INVALID_KERNEL_HANDLE, result.bugCheck().code());
        assertTrue(finished.size() <= 1 && !finished.contains("waiter"), finished::toString);
    }

    @Test
    void unhandledFaultEndsOnlyItsThread() {
        Scheduler scheduler = boot(0);
        Carrier faulting = scheduler.start(system.ps().createThread(process), () -> system.mm().access().readInt(0x10000));
        RunResult result = scheduler.run();
        assertEquals(RunResult.Outcome.COMPLETED, result.outcome());
        assertEquals(STATUS_ACCESS_VIOLATION, faulting.exitStatus());
    }

    @Test
    void freeModeRunsThreadsInParallelAndWaitsForReal() {
        system = Systems.boot();
        process = system.createProcess("free.exe", false);
        Scheduler scheduler = system.useFreeScheduler();
        long event = event(Event.NotificationEvent, false);
        NtStatus[] status = new NtStatus[3];
        system.startThread(process, c -> status[0] = c.waitFor(event));
        system.startThread(process, c -> status[1] = c.waitFor(event, 10_000));
        system.startThread(process, c -> status[2] = c.nt().ntSetEvent(event, null));
        RunResult result = scheduler.run();
        assertEquals(RunResult.Outcome.COMPLETED, result.outcome());
        assertEquals(STATUS_SUCCESS, status[0]);
        assertTrue(status[1] == STATUS_SUCCESS || status[1] == STATUS_TIMEOUT);
        assertEquals(STATUS_SUCCESS, status[2]);
    }

    @Test
    void freeModeDeadlockIsReportedNotHung() {
        system = Systems.boot();
        process = system.createProcess("free.exe", false);
        Scheduler scheduler = system.useFreeScheduler();
        long first = event(Event.SynchronizationEvent, false);
        long second = event(Event.SynchronizationEvent, false);
        system.startThread(process, c -> {
            c.waitFor(first);
            c.nt().ntSetEvent(second, null);
        });
        system.startThread(process, c -> {
            c.waitFor(second);
            c.nt().ntSetEvent(first, null);
        });
        RunResult result = scheduler.run();
        assertEquals(RunResult.Outcome.DEADLOCK, result.outcome(), result::describe);
        assertEquals(2, result.threads().size(), result::describe);
        for (String thread : result.threads()) {
            assertTrue(thread.contains("waits on Event") && thread.contains("no timeout"), result::describe);
        }
    }

    @Test
    void freeModeBugCheckWakesEveryWaiter() {
        system = Systems.boot();
        process = system.createProcess("free.exe", false);
        Scheduler scheduler = system.useFreeScheduler();
        long never = event(Event.NotificationEvent, false);
        List<String> finished = Collections.synchronizedList(new ArrayList<>());
        system.startThread(process, c -> {
            c.waitFor(never, 100_000_000L);
            finished.add("waiter");
        });
        system.startThread(process, c -> {
            throw system.kernel().keBugCheckEx(BugCheckCodes.INVALID_KERNEL_HANDLE, 1, 2, 3, 4);
        });
        RunResult result = scheduler.run();
        assertEquals(RunResult.Outcome.BUG_CHECK, result.outcome(), result::describe);
        assertTrue(finished.isEmpty(), finished::toString);
    }
}
