package ntsection.ob;

import ntsection.ex.Event;
import ntsection.ke.ApcState;
import ntsection.ke.Attach;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import org.junit.jupiter.api.Test;

import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Attributes.OBJ_KERNEL_HANDLE;
import static org.junit.jupiter.api.Assertions.*;

/** Rule SV1's ground: where a handle lands depends on OBJ_KERNEL_HANDLE and the previous mode. */
class KernelHandleTest extends ObTestBase {

    @Test
    void kernelHandleFromZwCarriesTheKernelBitAndIsInvalidFromUserMode() {
        LongOut event = new LongOut();
        NtStatus created = system.inDispatchRoutine(alice,
                () -> system.zw().zwCreateEvent(event, EVENT_ALL, ObjectAttributes.unnamed(OBJ_KERNEL_HANDLE), 0, false));
        assertEquals(STATUS_SUCCESS, created);
        assertEquals(0xFFFFFFFF80000000L, event.value & Handles.KERNEL_HANDLE_FLAG);
        assertEquals(0, alice.handleTable().count(), "nothing lands in the user's table");
        assertNotNull(system.systemProcess().handleTable().lookup(Handles.fromKernelHandle(event.value)),
                "the kernel handle table is the System process's table");

        assertEquals(STATUS_INVALID_HANDLE, userClose(alice, event.value));
        assertEquals(STATUS_INVALID_HANDLE, system.inUserMode(alice, () -> system.nt().ntQueryObject(event.value, new Out<>())));
        assertKernelCounts(event.value, 2, 1);
        assertEquals(STATUS_SUCCESS, kernelClose(event.value));
    }

    @Test
    void choiceKernelHandleFlagFromUserModeIsSilentlyDropped() {
        LongOut event = new LongOut();
        assertEquals(STATUS_SUCCESS, createUserEvent(alice, null, OBJ_KERNEL_HANDLE, EVENT_ALL, event));
        assertEquals(4, event.value, "the flag is dropped silently and the first handle of a new table is 4");
        assertEquals(1, alice.handleTable().count());
        assertCounts(alice, event.value, 2, 1);
    }

    @Test
    void dispatchRoutineNtCallWithKernelHandleFlagStillMakesAUserHandle() {
        LongOut event = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inDispatchRoutine(alice, () -> system.nt().ntCreateEvent(event, EVENT_ALL,
                ObjectAttributes.unnamed(OBJ_KERNEL_HANDLE), Event.NotificationEvent, false)));
        assertFalse(Handles.hasKernelBit(event.value), "previous mode is user in a dispatch routine");
        assertCounts(alice, event.value, 2, 1);
    }

    @Test
    void zwCreateWithoutKernelHandleFlagLandsInTheCurrentProcessTable() {
        LongOut event = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inDispatchRoutine(alice, () -> system.zw().zwCreateEvent(event, EVENT_ALL,
                ObjectAttributes.unnamed(0), Event.NotificationEvent, false)));
        assertEquals(4, event.value);
        assertEquals(1, alice.handleTable().count(), "a user handle the user process can use and close");
        assertEquals(STATUS_SUCCESS, userClose(alice, event.value));
    }

    @Test
    void zwCreateWithoutKernelHandleFlagWhileAttachedLandsInTheAttachedProcessTable() {
        LongOut event = new LongOut();
        system.inSystemThread(() -> {
            ApcState state = new ApcState();
            Attach.keStackAttachProcess(system.systemWorker(), bob, state);
            NtStatus status = system.zw().zwCreateEvent(event, EVENT_ALL, ObjectAttributes.unnamed(0), Event.NotificationEvent, false);
            Attach.keUnstackDetachProcess(system.kernel(), system.systemWorker(), state);
            return status;
        });
        assertEquals(4, event.value);
        assertEquals(1, bob.handleTable().count());
        assertCounts(bob, event.value, 2, 1);
    }

    @Test
    void zwCloseOfAKernelHandleWorksFromAnyProcessContext() {
        long first = kernelEvent(null, OBJ_KERNEL_HANDLE);
        long second = kernelEvent(null, OBJ_KERNEL_HANDLE);
        assertEquals(0xFFFFFFFF80000008L, second);
        assertKernelCounts(first, 2, 1);
        assertEquals(STATUS_SUCCESS, system.inDispatchRoutine(alice, () -> system.zw().zwClose(first)));
        assertKernelCounts(second, 2, 1);
        assertEquals(STATUS_SUCCESS, system.inDispatchRoutine(bob, () -> system.zw().zwClose(second)));
        assertNull(system.systemProcess().handleTable().lookup(Handles.fromKernelHandle(first)));
    }

    @Test
    void userCloseAttemptLeavesTheKernelHandleAndObjectUntouched() {
        long handle = kernelEvent("\\BaseNamedObjects\\k", OBJ_KERNEL_HANDLE);
        assertKernelCounts(handle, 3, 1);
        assertEquals(STATUS_INVALID_HANDLE, userClose(alice, handle));
        assertEquals(STATUS_INVALID_HANDLE, system.inUserMode(alice, () -> system.nt().ntClose(Handles.fromKernelHandle(handle))),
                "the unflagged value means nothing in alice's empty table");
        assertKernelCounts(handle, 3, 1);
        assertEquals(STATUS_SUCCESS, kernelClose(handle));
    }

    @Test
    void kernelHandleTagBitsAreIgnoredToo() {
        long handle = kernelEvent(null, OBJ_KERNEL_HANDLE);
        assertKernelCounts(handle | 3, 2, 1);
        assertEquals(STATUS_SUCCESS, kernelClose(handle | 2));
    }

    @Test
    void kernelHandleAndSystemThreadHandleShareTheSystemTable() {
        long kernel = kernelEvent(null, OBJ_KERNEL_HANDLE);
        long plain = kernelEvent(null, 0);
        assertEquals(Handles.fromKernelHandle(kernel) + 4, plain, "an unflagged System-context handle takes the next slot");
        assertKernelCounts(plain, 2, 1);
        assertEquals(STATUS_SUCCESS, kernelClose(plain));
        assertEquals(STATUS_SUCCESS, kernelClose(kernel));
    }
}
