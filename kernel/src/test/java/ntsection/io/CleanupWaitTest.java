package ntsection.io;

import ntsection.Executive;
import ntsection.ex.Event;
import ntsection.ex.KernelEvents;
import ntsection.ke.RandomWalk;
import ntsection.ke.RunResult;
import ntsection.ke.Scheduler;
import ntsection.ke.Wait;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ob.ObjectAttributes;
import ntsection.ps.Process;
import ntsection.testing.Systems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static ntsection.io.FileAccess.FILE_READ_DATA;
import static ntsection.io.IrpMajor.*;
import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A driver's IRP_MJ_CLEANUP runs from the File type's close procedure, which Ob calls
 * after releasing its lock. So a cleanup that waits for another thread does not keep
 * that thread out of Ob: here the other thread creates a handle (which takes the lock)
 * before it signals the event the cleanup waits on. Were the lock still held, that
 * thread would block on a Java monitor the controlled scheduler cannot see, and the run
 * would hang (the timeout turns a hang into a failure).
 */
class CleanupWaitTest {
    private static final String DEVICE = "\\Device\\Gate";

    /** One controlled run; returns whether the cleanup found the gate still closed and had to wait. */
    private static boolean run(long seed) {
        Executive system = Systems.boot();
        Event gate = KernelEvents.keInitializeEvent(system.ob(), Event.NotificationEvent, false);
        boolean[] waited = new boolean[1];
        system.io().registry().register("gate", () -> (sys, driver, path) -> {
            NtStatus status = sys.io().ioCreateDevice(driver, null, DEVICE, DeviceFlags.FILE_DEVICE_UNKNOWN, 0, false,
                    new Out<>());
            DispatchRoutine succeed = (device, irp) -> {
                irp.IoStatus.Status = STATUS_SUCCESS;
                sys.io().ioCompleteRequest(irp, IoManager.IO_NO_INCREMENT);
                return STATUS_SUCCESS;
            };
            driver.MajorFunction[IRP_MJ_CREATE] = succeed;
            driver.MajorFunction[IRP_MJ_CLOSE] = succeed;
            driver.MajorFunction[IRP_MJ_CLEANUP] = (device, irp) -> {
                waited[0] = !gate.isSignaled();
                assertEquals(STATUS_SUCCESS, Wait.keWaitForSingleObject(gate, null));
                return succeed.dispatch(device, irp);
            };
            return status;
        });
        assertEquals(STATUS_SUCCESS, system.loadDriver("gate"));
        Process alice = system.createProcess("alice", false);
        Scheduler scheduler = system.useControlledScheduler(new RandomWalk(seed));
        system.startThread(alice, c -> {
            LongOut file = new LongOut();
            assertEquals(STATUS_SUCCESS, c.nt().ntOpenFile(file, FILE_READ_DATA, ObjectAttributes.named(DEVICE, 0),
                    new IoStatusBlock()));
            assertEquals(STATUS_SUCCESS, c.nt().ntClose(file.value));
        });
        system.startThread(alice, c -> {
            LongOut event = new LongOut();
            assertEquals(STATUS_SUCCESS, c.nt().ntCreateEvent(event, Event.EVENT_ALL_ACCESS, ObjectAttributes.unnamed(0),
                    Event.NotificationEvent, false));
            gate.set();
            assertEquals(STATUS_SUCCESS, c.nt().ntClose(event.value));
        });
        RunResult result = scheduler.run();
        assertEquals(RunResult.Outcome.COMPLETED, result.outcome(), () -> "seed " + seed + ": " + result.describe());
        return waited[0];
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aCleanupThatWaitsForAThreadCreatingAHandleCompletesInsteadOfDeadlocking() {
        int waitedRuns = 0;
        for (long seed = 0; seed < 32; seed++) {
            if (run(seed)) waitedRuns++;
        }
        assertTrue(waitedRuns > 0, "some seed closes the file before the gate opens, so the cleanup waits");
    }
}
