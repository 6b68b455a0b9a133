package ntsection.ob;

import ntsection.ke.BugCheckCodes;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static ntsection.ke.ProcessorMode.KernelMode;
import static ntsection.ke.ProcessorMode.UserMode;
import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Access.DIRECTORY_ALL_ACCESS;
import static ntsection.ob.Attributes.*;
import static org.junit.jupiter.api.Assertions.*;

/** Pointer and handle counts, ObReferenceObject/ObDereferenceObject and deletion (ObReference.c, oblife.c). */
class ReferenceCountTest extends ObTestBase {
    private final ObjectManager ob = system.ob();

    private long kernelDirectory(String name) {
        LongOut handle = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inSystemThread(() -> system.zw().zwCreateDirectoryObject(handle, DIRECTORY_ALL_ACCESS,
                new ObjectAttributes(name, 0, OBJ_KERNEL_HANDLE))));
        return handle.value;
    }

    @Test
    void choicePreWindows8CountsUnnamedDirectoryReportsTwoAndOneNamedThreeAndOne() {
        long unnamed = kernelDirectory(null);
        long named = kernelDirectory("\\ObReferenceTestDirectory");
        assertKernelCounts(unnamed, 2, 1);
        assertKernelCounts(named, 3, 1);
        kernelClose(unnamed);
        kernelClose(named);
    }

    /** The ObReference.c sequence: every reference returns the new count, every dereference too. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void referenceAndDereferenceReturnTheNewCount(boolean named) {
        long handle = kernelDirectory(named ? "\\ObReferenceSequence" : null);
        int base = named ? 2 : 1;
        Out<KernelObject> first = new Out<>();
        Out<KernelObject> second = new Out<>();
        system.inSystemThread(() -> {
            assertEquals(STATUS_SUCCESS, ob.obReferenceObjectByHandle(handle, 0, ob.types().directory(), KernelMode, first, null));
            assertEquals(STATUS_SUCCESS, ob.obReferenceObjectByHandle(handle, 0, ob.types().directory(), KernelMode, second, null));
            return null;
        });
        KernelObject directory = first.value;
        assertSame(directory, second.value);
        assertEquals(base + 3, ob.obReferenceObject(directory));
        assertEquals(base + 4, ob.obReferenceObject(directory));
        assertEquals(STATUS_SUCCESS, ob.obReferenceObjectByPointer(directory, 0, ob.types().directory(), KernelMode));
        assertEquals(STATUS_SUCCESS, ob.obReferenceObjectByPointer(directory, 0, ob.types().directory(), UserMode));
        assertKernelCounts(handle, base + 7, 1);
        for (int expected = base + 5; expected >= base; expected--) assertEquals(expected, ob.obDereferenceObject(directory));
        assertKernelCounts(handle, base + 1, 1);
        kernelClose(handle);
        assertTrue(directory.isDeleted());
    }

    @Test
    void referenceByPointerChecksTheTypeOnlyOutsideKernelModeOrForSymbolicLinks() {
        long handle = userEvent(alice, null, 0);
        KernelObject event = objectOf(alice, handle);
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, ob.obReferenceObjectByPointer(event, 0, ob.types().section(), UserMode));
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, ob.obReferenceObjectByPointer(event, 0, ob.types().symbolicLink(), KernelMode));
        assertCounts(alice, handle, 2, 1);
        assertEquals(STATUS_SUCCESS, ob.obReferenceObjectByPointer(event, 0, ob.types().section(), KernelMode));
        assertEquals(STATUS_SUCCESS, ob.obReferenceObjectByPointer(event, 0, null, KernelMode));
        assertEquals(STATUS_SUCCESS, ob.obReferenceObjectByPointer(event, Access.ACCESS_SYSTEM_SECURITY, null, UserMode),
                "no access check at all");
        assertCounts(alice, handle, 5, 1);
        for (int i = 0; i < 3; i++) ob.obDereferenceObject(event);
        assertCounts(alice, handle, 2, 1);
    }

    @Test
    void objectIsDeletedWhenTheLastHandleGoesAndNoReferenceRemains() {
        long handle = userEvent(alice, null, 0);
        KernelObject event = objectOf(alice, handle);
        assertEquals(STATUS_SUCCESS, userClose(alice, handle));
        assertTrue(event.isDeleted());
        assertFalse(ob.liveObjects().contains(event));
    }

    @Test
    void kernelReferenceKeepsTheObjectAfterItsLastHandle() {
        long handle = userEvent(alice, null, 0);
        KernelObject event = objectOf(alice, handle);
        assertEquals(2, ob.obReferenceObject(event));
        assertEquals(STATUS_SUCCESS, userClose(alice, handle));
        assertActual(event, 1, 0);
        assertFalse(event.isDeleted());
        assertEquals(0, ob.obDereferenceObject(event));
        assertTrue(event.isDeleted());
    }

    @Test
    void deleteProcedureRunsOnceAtTheLastDereference() {
        int[] deletions = {0};
        ob.types().event().setDeleteProcedure(o -> deletions[0]++);
        long handle = userEvent(alice, null, 0);
        KernelObject event = objectOf(alice, handle);
        ob.obReferenceObject(event);
        userClose(alice, handle);
        assertEquals(0, deletions[0]);
        ob.obDereferenceObject(event);
        assertEquals(1, deletions[0]);
    }

    @Test
    void dereferencingADeletedObjectBugChecksReferenceByPointer() {
        long handle = userEvent(alice, null, 0);
        KernelObject event = objectOf(alice, handle);
        userClose(alice, handle);
        assertEquals(BugCheckCodes.REFERENCE_BY_POINTER,
                system.inSystemThread(() -> bugCheckOf(() -> ob.obDereferenceObject(event))).code());
    }

    @Test
    void queryObjectCountsDuplicatesOfOneObject() {
        long handle = userEvent(alice, "\\BaseNamedObjects\\counted", 0);
        assertCounts(alice, handle, 3, 1);
        LongOut second = new LongOut();
        assertEquals(STATUS_OBJECT_NAME_EXISTS, createUserEvent(alice, "\\BaseNamedObjects\\counted", OBJ_OPENIF, EVENT_ALL, second));
        assertCounts(alice, handle, 4, 2);
        assertCounts(alice, second.value, 4, 2);
        NtStatus closed = userClose(alice, handle);
        assertEquals(STATUS_SUCCESS, closed);
        assertCounts(alice, second.value, 3, 1);
    }
}
