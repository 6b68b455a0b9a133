package ntsection.ob;

import ntsection.nt.LongOut;
import ntsection.ps.ProcessAccess;
import org.junit.jupiter.api.Test;

import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Attributes.*;
import static org.junit.jupiter.api.Assertions.*;

/** Process rundown: every handle goes, protected ones too, and temporary names with them. */
class TerminationTest extends ObTestBase {

    @Test
    void terminationClosesEveryHandleIncludingProtectedOnesAndDropsNames() {
        long named = userEvent(alice, "\\BaseNamedObjects\\doomed", 0);
        KernelObject event = objectOf(alice, named);
        LongOut guarded = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice, () -> system.nt().ntDuplicateObject(Handles.NtCurrentProcess, named,
                Handles.NtCurrentProcess, guarded, 0, OBJ_PROTECT_CLOSE, DUPLICATE_SAME_ACCESS)));
        userEvent(alice, null, 0);
        assertEquals(3, alice.handleTable().count());
        system.terminateProcess(alice, STATUS_SUCCESS);
        assertEquals(0, alice.handleTable().count());
        assertTrue(event.isDeleted());
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, openUserEvent(bob, "\\BaseNamedObjects\\doomed", 0, EVENT_ALL, new LongOut()));
    }

    @Test
    void objectsSharedWithOtherProcessesLoseOnlyTheDeadProcessesHandles() {
        long alices = userEvent(alice, "\\BaseNamedObjects\\shared", 0);
        LongOut bobs = new LongOut();
        assertEquals(STATUS_SUCCESS, openUserEvent(bob, "\\BaseNamedObjects\\shared", 0, EVENT_ALL, bobs));
        assertCounts(bob, bobs.value, 4, 2);
        system.terminateProcess(alice, STATUS_SUCCESS);
        assertCounts(bob, bobs.value, 3, 1);
        assertEquals(STATUS_SUCCESS, openUserEvent(bob, "\\BaseNamedObjects\\shared", 0, EVENT_ALL, new LongOut()));
        assertNotEquals(0, alices);
    }

    @Test
    void handleToADeadProcessKeepsTheProcessObject() {
        long aliceHandle = openProcess(bob, alice, ProcessAccess.PROCESS_QUERY_INFORMATION);
        system.terminateProcess(alice, STATUS_SUCCESS);
        assertTrue(alice.hasExited());
        assertFalse(alice.isDeleted());
        assertCounts(bob, aliceHandle, 2, 1);
        assertEquals(STATUS_SUCCESS, userClose(bob, aliceHandle));
        assertTrue(alice.isDeleted());
    }

    @Test
    void kernelHandlesSurviveTheProcessThatMadeThem() {
        LongOut handle = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inDispatchRoutine(alice, () -> system.zw().zwCreateEvent(handle, EVENT_ALL,
                ObjectAttributes.unnamed(OBJ_KERNEL_HANDLE), 0, false)));
        system.terminateProcess(alice, STATUS_SUCCESS);
        assertKernelCounts(handle.value, 2, 1);
        kernelClose(handle.value);
    }

    @Test
    void terminatingProcessGetsNoNewHandles() {
        system.terminateProcess(alice, STATUS_SUCCESS);
        LongOut handle = new LongOut();
        assertEquals(STATUS_PROCESS_IS_TERMINATING, system.inDispatchRoutine(alice, () -> system.zw().zwCreateEvent(handle, EVENT_ALL,
                ObjectAttributes.unnamed(0), 0, false)));
        assertEquals(0, alice.handleTable().count());
    }
}
