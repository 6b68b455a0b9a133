package ntsection.ex;

import ntsection.Executive;
import ntsection.ke.BugCheckCodes;
import ntsection.ke.BugCheckError;
import ntsection.ke.CurrentThread;
import ntsection.ke.ProcessorMode;
import ntsection.ke.RandomWalk;
import ntsection.ke.RunResult;
import ntsection.ke.Scheduler;
import ntsection.ke.Seh;
import ntsection.ke.Wait;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ob.Handles;
import ntsection.ob.KernelObject;
import ntsection.ob.ObjectAttributes;
import ntsection.ps.Process;
import ntsection.ps.ProcessAccess;
import ntsection.ps.Thread;
import ntsection.testing.Systems;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static ntsection.ex.WorkQueueType.*;
import static ntsection.mm.PageProtection.*;
import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Attributes.OBJ_KERNEL_HANDLE;
import static org.junit.jupiter.api.Assertions.*;

/**
 * ExQueueWorkItem and PsCreateSystemThread: a work item queued from a process's
 * dispatch routine runs on a system worker thread, in the System process, with
 * previous mode kernel, where the queuing process's addresses and handles mean nothing.
 * The tests wait for a routine as a driver does: on a KEVENT the routine sets.
 */
class WorkItemTest {
    /** Ten seconds, relative: long enough for any routine here, short enough that a lost item fails the test. */
    private static final Long TEN_SECONDS = -100_000_000L;

    private final Executive system = Systems.boot();
    private final Process alice = system.createProcess("alice", false);
    private final Event done = KernelEvents.keInitializeEvent(system.ob(), Event.NotificationEvent, false);

    private void queueFromAlice(WorkerRoutine routine, WorkQueueType type) {
        system.inDispatchRoutine(alice, () -> {
            system.workQueues().exQueueWorkItem(WorkQueueItem.exInitializeWorkItem(routine, null), type);
            return null;
        });
    }

    private void awaitDone() {
        assertEquals(STATUS_SUCCESS, system.runAs(system.systemWorker(), () -> Wait.keWaitForSingleObject(done, TEN_SECONDS)));
    }

    @Test
    void workItemRunsInTheSystemProcessWithKernelPreviousMode() {
        List<Object> seen = new ArrayList<>();
        queueFromAlice(parameter -> {
            Thread worker = CurrentThread.get();
            seen.add(worker.currentProcess());
            seen.add(worker.previousMode());
            seen.add(worker.isSystemThread());
            done.set();
        }, CriticalWorkQueue);
        awaitDone();
        assertEquals(List.of(system.systemProcess(), ProcessorMode.KernelMode, true), seen);
    }

    @Test
    void itemsOfOneQueueRunInTheOrderTheyWereQueued() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int number = i;
            queueFromAlice(parameter -> {
                order.add(number);
                if (number == 5) done.set();
            }, DelayedWorkQueue);
        }
        awaitDone();
        assertEquals(List.of(0, 1, 2, 3, 4, 5), order);
    }

    @Test
    void workItemCannotSeeTheQueuingProcessesUserAddresses() {
        LongOut base = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice, () -> system.nt().ntAllocateVirtualMemory(
                Handles.NtCurrentProcess, base, 0, new LongOut(0x1000), MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE)));
        system.inUserMode(alice, () -> {
            system.mm().access().write(base.value, new byte[] {7, 7, 7, 7});
            return null;
        });
        NtStatus[] read = new NtStatus[1];
        queueFromAlice(parameter -> {
            read[0] = Seh.guard(() -> system.mm().access().read(base.value, 4));
            done.set();
        }, CriticalWorkQueue);
        awaitDone();
        assertEquals(STATUS_ACCESS_VIOLATION, read[0], "alice's page is not mapped in the System process");
    }

    @Test
    void workItemCanUseKernelHandlesButNotTheQueuingProcessesHandles() {
        LongOut userHandle = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice, () -> system.nt().ntCreateEvent(userHandle,
                Event.EVENT_ALL_ACCESS, ObjectAttributes.unnamed(0), Event.NotificationEvent, false)));
        LongOut kernelHandle = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inDispatchRoutine(alice, () -> system.zw().zwCreateEvent(kernelHandle,
                Event.EVENT_ALL_ACCESS, ObjectAttributes.unnamed(OBJ_KERNEL_HANDLE), Event.NotificationEvent, false)));
        KernelObject alicesEvent = referenceIn(alice, userHandle.value);
        List<Object> seen = new ArrayList<>();
        queueFromAlice(parameter -> {
            seen.add(reference(userHandle.value));
            seen.add(reference(kernelHandle.value) instanceof Event);
            done.set();
        }, CriticalWorkQueue);
        awaitDone();
        assertNotSame(alicesEvent, seen.get(0), "alice's handle value names something else, or nothing, in the System table");
        assertEquals(true, seen.get(1), "a kernel handle is valid in every context");
        system.ob().obDereferenceObject(alicesEvent);
        assertEquals(STATUS_SUCCESS, system.inDispatchRoutine(alice, () -> system.zw().zwClose(kernelHandle.value)));
    }

    /** ObReferenceObjectByHandle(KernelMode) in the current context; the object, or null if the handle is invalid. */
    private KernelObject reference(long handle) {
        Out<KernelObject> object = new Out<>();
        NtStatus status = system.ob().obReferenceObjectByHandle(handle, 0, null, ProcessorMode.KernelMode, object, null);
        if (!status.isSuccess()) return null;
        system.ob().obDereferenceObject(object.value);
        return object.value;
    }

    private KernelObject referenceIn(Process process, long handle) {
        Out<KernelObject> object = new Out<>();
        assertEquals(STATUS_SUCCESS, system.inDispatchRoutine(process, () -> system.ob().obReferenceObjectByHandle(
                handle, 0, null, ProcessorMode.KernelMode, object, null)));
        return object.value;
    }

    @Test
    void exceptionEscapingAWorkItemBugChecks0x7E() {
        Scheduler scheduler = system.useControlledScheduler(new RandomWalk(1));
        system.workQueues().exQueueWorkItem(WorkQueueItem.exInitializeWorkItem(
                parameter -> system.mm().access().read(0x10000, 4), null), CriticalWorkQueue);
        RunResult result = scheduler.run();
        assertEquals(RunResult.Outcome.BUG_CHECK, result.outcome(), result::describe);
        assertEquals(BugCheckCodes.SYSTEM_THREAD_EXCEPTION_NOT_HANDLED, result.bugCheck().code());
        assertEquals(STATUS_ACCESS_VIOLATION.code() & 0xFFFFFFFFL, result.bugCheck().p1());
    }

    @Test
    void aRoutineAtAUserAddressIsWorkerInvalid() {
        WorkQueueItem item = WorkQueueItem.withUserModeRoutine(0x401000, null);
        assertThrows(BugCheckError.class, () -> system.inDispatchRoutine(alice, () -> {
            system.workQueues().exQueueWorkItem(item, DelayedWorkQueue);
            return null;
        }));
        assertEquals(BugCheckCodes.WORKER_INVALID, system.kernel().bugCheck().code());
        assertEquals(0x401000, system.kernel().bugCheck().p3());
        assertFalse(item.isQueued());
    }

    @Test
    void psCreateSystemThreadGivesAKernelHandleToASystemThread() {
        LongOut handle = new LongOut();
        Out<Thread> thread = new Out<>();
        Process[] ranIn = new Process[1];
        NtStatus status = system.inDispatchRoutine(alice, () -> system.psCreateSystemThread(handle,
                ProcessAccess.THREAD_ALL_ACCESS, () -> {
                    ranIn[0] = CurrentThread.get().currentProcess();
                    done.set();
                }, thread));
        assertEquals(STATUS_SUCCESS, status);
        awaitDone();
        assertTrue(Handles.hasKernelBit(handle.value), Handles.format(handle.value));
        assertSame(system.systemProcess(), thread.value.process());
        assertSame(system.systemProcess(), ranIn[0]);
        assertEquals(STATUS_INVALID_HANDLE, system.inUserMode(alice, () -> system.nt().ntClose(handle.value)),
                "user mode cannot use a kernel handle");
        assertEquals(STATUS_SUCCESS, system.inDispatchRoutine(alice, () -> system.zw().zwClose(handle.value)));
    }
}
