package ntsection.io;

import ntsection.ex.Event;
import ntsection.ex.KernelEvents;
import ntsection.io.samples.EchoDriver;
import ntsection.ke.RandomWalk;
import ntsection.ke.RunResult;
import ntsection.ke.Scheduler;
import ntsection.ke.Wait;
import ntsection.nt.NtStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static ntsection.ex.WorkQueueType.DelayedWorkQueue;
import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.*;

/**
 * IoQueueWorkItem references the device object until the routine returns, so an
 * unload in between cannot free it under the routine; IoFreeWorkItem is refused while
 * the item waits in its queue. A routine is held at a gate (a KEVENT the test sets)
 * to make "while queued" and "while running" last as long as the test needs.
 */
class IoWorkItemTest {
    private static final Long TEN_SECONDS = -100_000_000L;

    private final EchoSystem echo = new EchoSystem();
    private final IoWorkItems workItems = echo.system.ioWorkItems();
    private final Event gate = event();
    private final Event done = event();

    private Event event() {
        return KernelEvents.keInitializeEvent(echo.system.ob(), Event.NotificationEvent, false);
    }

    private void await(Event event) {
        NtStatus status = echo.system.runAs(echo.system.systemWorker(), () -> Wait.keWaitForSingleObject(event, TEN_SECONDS));
        assertEquals(STATUS_SUCCESS, status);
    }

    private void queueFromTheSystemWorker(IoWorkItem item, IoWorkItemRoutine routine) {
        echo.system.inSystemThread(() -> {
            workItems.ioQueueWorkItem(item, routine, DelayedWorkQueue, null);
            return null;
        });
    }

    @Test
    void ioWorkItemHoldsTheDeviceUntilTheRoutineReturns() {
        DeviceObject device = echo.echoDevice();
        int before = device.pointerCount();
        List<Object> inRoutine = new ArrayList<>();
        IoWorkItem item = workItems.ioAllocateWorkItem(device);
        queueFromTheSystemWorker(item, (deviceObject, context) -> {
            await(gate);
            inRoutine.add(deviceObject);
            inRoutine.add(deviceObject.isDeleted());
            inRoutine.add(deviceObject.DriverObject.isUnloaded());
            workItems.ioFreeWorkItem(item);
            done.set();
        });
        assertEquals(before + 1, device.pointerCount(), "the queued item references the device");
        assertEquals(STATUS_SUCCESS, echo.system.unloadDriver(EchoDriver.SERVICE_NAME));
        gate.set();
        await(done);
        assertEquals(List.of(device, false, true), inRoutine, "unloaded, yet the device object is still there");
    }

    @Test
    void theDeviceReferenceGoesWhenTheRoutineReturns() {
        DeviceObject device = echo.echoDevice();
        int before = device.pointerCount();
        int[] during = new int[1];
        Scheduler scheduler = echo.system.useControlledScheduler(new RandomWalk(3));
        queueFromTheSystemWorker(workItems.ioAllocateWorkItem(device),
                (deviceObject, context) -> during[0] = deviceObject.pointerCount());
        RunResult result = scheduler.run();
        assertEquals(RunResult.Outcome.COMPLETED, result.outcome(), result::describe);
        assertEquals(before + 1, during[0]);
        assertEquals(before, device.pointerCount());
    }

    @Test
    void ioFreeWorkItemIsRefusedWhileTheItemIsQueued() {
        DeviceObject device = echo.echoDevice();
        IoWorkItem blocker = workItems.ioAllocateWorkItem(device);
        IoWorkItem waiting = workItems.ioAllocateWorkItem(device);
        queueFromTheSystemWorker(blocker, (deviceObject, context) -> await(gate));
        queueFromTheSystemWorker(waiting, (deviceObject, context) -> done.set());
        assertTrue(waiting.isQueued(), "the delayed queue's one worker is held by the first item");
        assertThrows(IllegalStateException.class, () -> workItems.ioFreeWorkItem(waiting));
        gate.set();
        await(done);
        workItems.ioFreeWorkItem(blocker);
        workItems.ioFreeWorkItem(waiting);
    }
}
