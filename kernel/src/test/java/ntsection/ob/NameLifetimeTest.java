package ntsection.ob;

import ntsection.ex.Event;
import ntsection.nt.LongOut;
import ntsection.nt.Out;
import org.junit.jupiter.api.Test;

import static ntsection.ke.ProcessorMode.KernelMode;
import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Attributes.*;
import static org.junit.jupiter.api.Assertions.*;

/** Temporary and permanent names (ObpDeleteNameCheck, OBJ_PERMANENT, NtMakeTemporaryObject). */
class NameLifetimeTest extends ObTestBase {
    private static final String NAME = "\\BaseNamedObjects\\lifetime";

    @Test
    void temporaryNameGoesWithTheLastHandle() {
        long first = userEvent(alice, NAME, 0);
        LongOut second = new LongOut();
        assertEquals(STATUS_SUCCESS, openUserEvent(bob, NAME, 0, EVENT_ALL, second));
        assertCounts(alice, first, 4, 2);
        assertEquals(STATUS_SUCCESS, userClose(alice, first));
        assertCounts(bob, second.value, 3, 1);
        assertEquals(STATUS_SUCCESS, userClose(bob, second.value));
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, openUserEvent(alice, NAME, 0, EVENT_ALL, new LongOut()));
    }

    @Test
    void nameGoesWithTheLastHandleEvenWhileAKernelReferenceKeepsTheObject() {
        long handle = userEvent(alice, NAME, 0);
        KernelObject event = objectOf(alice, handle);
        assertEquals(3, system.ob().obReferenceObject(event), "handle, name and the kernel reference: a true count, not a reported one");
        assertEquals(STATUS_SUCCESS, userClose(alice, handle));
        assertActual(event, 1, 0);
        assertNull(event.path());
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, openUserEvent(bob, NAME, 0, EVENT_ALL, new LongOut()));
        LongOut fresh = new LongOut();
        assertEquals(STATUS_SUCCESS, createUserEvent(bob, NAME, 0, EVENT_ALL, fresh), "the name is free again");
        assertNotSame(event, objectOf(bob, fresh.value));
        assertEquals(0, system.ob().obDereferenceObject(event));
        assertTrue(event.isDeleted());
        assertCounts(bob, fresh.value, 3, 1);
    }

    @Test
    void permanentFromUserModeNeedsThePrivilege() {
        LongOut handle = new LongOut();
        assertEquals(STATUS_PRIVILEGE_NOT_HELD, createUserEvent(alice, NAME, OBJ_PERMANENT, EVENT_ALL, handle));
        assertEquals(0, alice.handleTable().count());
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, openUserEvent(alice, NAME, 0, EVENT_ALL, new LongOut()));
    }

    @Test
    void permanentFromKernelModeNeedsNoPrivilegeAndTheNameOutlivesTheHandles() {
        long handle = kernelEvent(NAME, OBJ_PERMANENT | OBJ_KERNEL_HANDLE);
        assertKernelCounts(handle, 3, 1);
        Out<ObjectBasicInformation> info = new Out<>();
        system.inSystemThread(() -> system.zw().zwQueryObject(handle, info));
        assertEquals(OBJ_PERMANENT, info.value.attributes() & OBJ_PERMANENT, "reported as a pseudo-attribute");
        KernelObject event = objectOf(system.systemProcess(), handle);
        assertEquals(STATUS_SUCCESS, kernelClose(handle));
        assertActual(event, 1, 0);
        LongOut reopened = new LongOut();
        assertEquals(STATUS_SUCCESS, openUserEvent(alice, NAME, 0, EVENT_ALL, reopened));
        assertCounts(alice, reopened.value, 3, 1);
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice, () -> system.nt().ntMakeTemporaryObject(reopened.value)));
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice, () -> system.nt().ntMakeTemporaryObject(reopened.value)),
                "making an object temporary twice is fine");
        assertCounts(alice, reopened.value, 3, 1);
        assertEquals(STATUS_SUCCESS, userClose(alice, reopened.value));
        assertTrue(event.isDeleted());
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, openUserEvent(alice, NAME, 0, EVENT_ALL, new LongOut()));
    }

    @Test
    void madeTemporaryNameGoesWithTheNextLastHandle() {
        long handle = kernelEvent(NAME, OBJ_PERMANENT | OBJ_KERNEL_HANDLE);
        KernelObject event = objectOf(system.systemProcess(), handle);
        system.ob().obReferenceObject(event);
        kernelClose(handle);
        assertActual(event, 2, 0);
        Out<KernelObject> found = new Out<>();
        assertEquals(STATUS_SUCCESS, system.inSystemThread(() -> system.ob().obReferenceObjectByName(NAME, 0, 0,
                system.ob().types().event(), KernelMode, found)));
        assertSame(event, found.value);
        system.ob().obDereferenceObject(event);
        LongOut opened = new LongOut();
        assertEquals(STATUS_OBJECT_NAME_EXISTS, system.inSystemThread(() -> system.zw().zwCreateEvent(opened, EVENT_ALL,
                ObjectAttributes.named(NAME, OBJ_OPENIF | OBJ_KERNEL_HANDLE), Event.NotificationEvent, false)));
        long reopened = opened.value;
        assertEquals(STATUS_SUCCESS, system.inSystemThread(() -> system.zw().zwMakeTemporaryObject(reopened)));
        assertEquals(STATUS_SUCCESS, system.inSystemThread(() -> system.zw().zwMakeTemporaryObject(reopened)));
        kernelClose(reopened);
        assertActual(event, 1, 0);
        assertNull(event.path());
        assertEquals(0, system.ob().obDereferenceObject(event));
    }

    @Test
    void makeTemporaryNeedsDeleteAccess() {
        long permanent = kernelEvent(NAME, OBJ_PERMANENT | OBJ_KERNEL_HANDLE);
        LongOut weak = new LongOut();
        assertEquals(STATUS_SUCCESS, openUserEvent(alice, NAME, 0, Event.EVENT_QUERY_STATE, weak));
        assertEquals(STATUS_ACCESS_DENIED, system.inUserMode(alice, () -> system.nt().ntMakeTemporaryObject(weak.value)));
        assertTrue(objectOf(alice, weak.value).isPermanent());
        assertEquals(STATUS_SUCCESS, system.inSystemThread(() -> system.zw().zwMakeTemporaryObject(permanent)));
        kernelClose(permanent);
        assertCounts(alice, weak.value, 3, 1);
        userClose(alice, weak.value);
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, openUserEvent(alice, NAME, 0, EVENT_ALL, new LongOut()));
    }

    @Test
    void makePermanentNeedsThePrivilegeFromUserMode() {
        long handle = userEvent(alice, NAME, 0);
        assertEquals(STATUS_PRIVILEGE_NOT_HELD, system.inUserMode(alice, () -> system.nt().ntMakePermanentObject(handle)));
        assertFalse(objectOf(alice, handle).isPermanent());
        userClose(alice, handle);
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, openUserEvent(alice, NAME, 0, EVENT_ALL, new LongOut()));
    }

    @Test
    void permanentUnflaggedHandleFromASystemThreadNeedsNoPrivilege() {
        long handle = kernelEvent(NAME, OBJ_PERMANENT);
        assertEquals(STATUS_SUCCESS, kernelClose(handle));
        assertEquals(STATUS_SUCCESS, openUserEvent(alice, NAME, 0, EVENT_ALL, new LongOut()));
    }

    @Test
    void namedChildKeepsItsUnnamedDirectoryAlive() {
        LongOut directory = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice, () -> system.nt().ntCreateDirectoryObject(directory,
                Access.DIRECTORY_ALL_ACCESS, ObjectAttributes.unnamed(0))));
        KernelObject parent = objectOf(alice, directory.value);
        LongOut child = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice, () -> system.nt().ntCreateEvent(child, EVENT_ALL,
                new ObjectAttributes("child", directory.value, 0), Event.NotificationEvent, false)));
        assertCounts(alice, directory.value, 3, 1);
        assertNull(objectOf(alice, child.value).path(), "no full path through an unnamed directory");
        assertEquals(STATUS_SUCCESS, userClose(alice, directory.value));
        assertActual(parent, 1, 0);
        assertFalse(parent.isDeleted(), "the child's name holds its directory");
        assertEquals(STATUS_SUCCESS, userClose(alice, child.value));
        assertTrue(parent.isDeleted(), "the name went, and with it the directory's last reference");
    }

    @Test
    void namedChildAddsAPointerReferenceToANamedDirectory() {
        LongOut directory = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice, () -> system.nt().ntCreateDirectoryObject(directory,
                Access.DIRECTORY_ALL_ACCESS, ObjectAttributes.named("\\BaseNamedObjects\\parent", 0))));
        assertCounts(alice, directory.value, 3, 1);
        long child = userEvent(alice, "\\BaseNamedObjects\\parent\\child", 0);
        assertCounts(alice, directory.value, 4, 1);
        userClose(alice, child);
        assertCounts(alice, directory.value, 3, 1);
    }

    @Test
    void makePermanentFromKernelModeNeedsNoPrivilegeAndKeepsTheName() {
        long handle = kernelEvent(NAME, OBJ_KERNEL_HANDLE);
        assertEquals(STATUS_SUCCESS, system.inSystemThread(() -> system.nt().ntMakePermanentObject(handle)),
                "an Nt call from a system thread runs with previous mode kernel");
        kernelClose(handle);
        LongOut reopened = new LongOut();
        assertEquals(STATUS_SUCCESS, openUserEvent(alice, NAME, 0, EVENT_ALL, reopened));
        assertCounts(alice, reopened.value, 3, 1);
    }
}
