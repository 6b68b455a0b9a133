package ntsection.ob;

import ntsection.nt.LongOut;
import ntsection.ps.ProcessAccess;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static ntsection.ob.Attributes.DUPLICATE_CLOSE_SOURCE;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Close and delete procedures call into drivers, which may wait or come back into Ob,
 * so the object manager runs them after releasing its lock, in NT's order: the close
 * procedure, then the name check, then the handle's pointer reference. The event type
 * stands in for a type with procedures of its own (events have none).
 */
class ProcedureLockTest extends ObTestBase {
    private final ObjectType eventType = system.ob().types().event();
    private final List<String> seen = new ArrayList<>();

    @Test
    void closeProcedureRunsWithoutTheObjectManagerLock() {
        eventType.setCloseProcedure(object -> {
            assertFalse(system.ob().isLockHeld(), "close procedure under the ob lock");
            assertNotNull(object.path(), "the name check comes after the close procedure");
            assertFalse(object.isDeleted(), "the handle's reference goes after the close procedure");
            seen.add("close " + object.handleCount());
        });
        long closed = userEvent(alice, "\\BaseNamedObjects\\Closed", 0);
        assertEquals(STATUS_SUCCESS, userClose(alice, closed));

        long duplicated = userEvent(alice, "\\BaseNamedObjects\\Duplicated", 0);
        long self = openProcess(alice, alice, ProcessAccess.PROCESS_DUP_HANDLE);
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice, () -> system.nt().ntDuplicateObject(self, duplicated, 0,
                null, 0, 0, DUPLICATE_CLOSE_SOURCE)));

        userEvent(alice, "\\BaseNamedObjects\\RunDown", 0);
        system.ob().closeAllHandles(alice);
        assertEquals(List.of("close 0", "close 0", "close 0"), seen, "NtClose, DUPLICATE_CLOSE_SOURCE, rundown");
    }

    @Test
    void deleteProcedureRunsWithoutTheLock() {
        eventType.setDeleteProcedure(object -> {
            assertFalse(system.ob().isLockHeld(), "delete procedure under the ob lock");
            assertTrue(object.isDeleted());
            seen.add("delete");
        });
        // A named event: its last handle's name check drops the name's reference, the handle's then deletes it.
        assertEquals(STATUS_SUCCESS, userClose(alice, userEvent(alice, "\\BaseNamedObjects\\Named", 0)));
        assertEquals(STATUS_SUCCESS, userClose(alice, userEvent(alice, null, 0)));
        assertEquals(List.of("delete", "delete"), seen);
    }

    @Test
    void aCloseProcedureMayCloseOtherHandles() {
        long first = userEvent(alice, "\\BaseNamedObjects\\First", 0);
        long second = userEvent(alice, "\\BaseNamedObjects\\Second", 0);
        KernelObject firstObject = objectOf(alice, first);
        KernelObject secondObject = objectOf(alice, second);
        eventType.setCloseProcedure(object -> {
            seen.add("close " + object.name());
            // Back into Ob from a close procedure: a pointer reference taken and dropped, then another NtClose.
            if (object == firstObject) {
                system.ob().obReferenceObject(secondObject);
                system.ob().obDereferenceObject(secondObject);
                assertEquals(STATUS_SUCCESS, system.nt().ntClose(second));
            }
        });
        eventType.setDeleteProcedure(object -> seen.add("delete " + (object == firstObject ? "First" : "Second")));
        assertEquals(STATUS_SUCCESS, userClose(alice, first));
        assertEquals(List.of("close First", "close Second", "delete Second", "delete First"), seen);
        assertTrue(firstObject.isDeleted() && secondObject.isDeleted());
        assertEquals(0, alice.handleTable().count());
        LongOut reopened = new LongOut();
        assertNotEquals(STATUS_SUCCESS, openUserEvent(alice, "\\BaseNamedObjects\\Second", 0, EVENT_ALL, reopened),
                "the second event's name went with its last handle");
    }
}
