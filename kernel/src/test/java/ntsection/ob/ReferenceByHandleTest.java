package ntsection.ob;

import ntsection.ex.Event;
import ntsection.ke.ApcState;
import ntsection.ke.Attach;
import ntsection.ke.ProcessorMode;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ps.ProcessAccess;
import org.junit.jupiter.api.Test;

import static ntsection.ke.ProcessorMode.KernelMode;
import static ntsection.ke.ProcessorMode.UserMode;
import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Attributes.*;
import static org.junit.jupiter.api.Assertions.*;

/** ObReferenceObjectByHandle's evaluation order and each of its failure statuses (obref.c). */
class ReferenceByHandleTest extends ObTestBase {
    private final ObjectTypes types = system.ob().types();

    /** Calls ObReferenceObjectByHandle in alice's dispatch routine and keeps the reference in {@code object}. */
    private NtStatus reference(long handle, int access, ObjectType type, ProcessorMode mode, Out<KernelObject> object,
                               Out<HandleInformation> information) {
        return system.inDispatchRoutine(alice,
                () -> system.ob().obReferenceObjectByHandle(handle, access, type, mode, object, information));
    }

    private NtStatus reference(long handle, int access, ObjectType type, ProcessorMode mode) {
        Out<KernelObject> object = new Out<>();
        NtStatus status = reference(handle, access, type, mode, object, null);
        if (status.isSuccess()) system.ob().obDereferenceObject(object.value);
        else assertNull(object.value, "the object is NULL on failure");
        return status;
    }

    @Test
    void currentProcessPseudoHandleNeedsProcessTypeOrNone() {
        assertEquals(STATUS_SUCCESS, reference(Handles.NtCurrentProcess, 0, null, UserMode));
        assertEquals(STATUS_SUCCESS, reference(Handles.NtCurrentProcess, ProcessAccess.PROCESS_ALL_ACCESS, types.process(), UserMode));
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, reference(Handles.NtCurrentProcess, 0, types.section(), KernelMode),
                "ZwMapViewOfSection(INVALID_HANDLE_VALUE) is a type mismatch");
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, reference(Handles.NtCurrentProcess, 0, types.thread(), UserMode));
    }

    @Test
    void currentThreadPseudoHandleNeedsThreadTypeOrNone() {
        Out<KernelObject> object = new Out<>();
        assertEquals(STATUS_SUCCESS, reference(Handles.NtCurrentThread, 0, types.thread(), UserMode, object, null));
        assertSame(alice.threads().getFirst(), object.value);
        system.ob().obDereferenceObject(object.value);
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, reference(Handles.NtCurrentThread, 0, types.process(), UserMode));
    }

    @Test
    void pseudoHandleAccessIsCheckedOnlyForUserMode() {
        int beyond = Access.ACCESS_SYSTEM_SECURITY;
        assertEquals(STATUS_ACCESS_DENIED, reference(Handles.NtCurrentProcess, beyond, types.process(), UserMode));
        assertEquals(STATUS_ACCESS_DENIED, reference(Handles.NtCurrentThread, beyond, types.thread(), UserMode));
        assertEquals(STATUS_SUCCESS, reference(Handles.NtCurrentProcess, beyond, types.process(), KernelMode));
    }

    @Test
    void pseudoHandleReferenceAddsOnePointerAndReportsZeroAttributes() {
        int before = alice.pointerCount();
        Out<KernelObject> object = new Out<>();
        Out<HandleInformation> information = new Out<>();
        assertEquals(STATUS_SUCCESS, reference(Handles.NtCurrentProcess, 0, null, UserMode, object, information));
        assertSame(alice, object.value);
        assertEquals(before + 1, alice.pointerCount());
        assertEquals(0, information.value.handleAttributes());
        assertEquals(ProcessAccess.PROCESS_ALL_ACCESS, information.value.grantedAccess());
        assertEquals(before, system.ob().obDereferenceObject(alice));
    }

    @Test
    void kernelBitWithUserModeIsAnInvalidHandleEvenForALiveKernelHandle() {
        long handle = kernelEvent(null, OBJ_KERNEL_HANDLE);
        assertEquals(STATUS_INVALID_HANDLE, reference(handle, 0, null, UserMode));
        assertEquals(STATUS_SUCCESS, reference(handle, 0, null, KernelMode));
        assertKernelCounts(handle, 2, 1);
        kernelClose(handle);
    }

    @Test
    void garbageAndNullHandlesAreInvalid() {
        assertEquals(STATUS_INVALID_HANDLE, reference(0, 0, null, KernelMode));
        assertEquals(STATUS_INVALID_HANDLE, reference(0xDEADBEEFDEADBEEFL, 0, null, KernelMode));
        assertEquals(STATUS_INVALID_HANDLE, reference(0x7FFFFFFFL, 0, null, KernelMode));
        assertEquals(STATUS_INVALID_HANDLE, reference(8, 0, null, UserMode), "a free slot");
    }

    @Test
    void closedHandleIsInvalid() {
        long handle = userEvent(alice, null, 0);
        userClose(alice, handle);
        assertEquals(STATUS_INVALID_HANDLE, reference(handle, 0, null, KernelMode));
    }

    @Test
    void typeIsCheckedBeforeAccess() {
        long handle = userEvent(alice, null, 0);
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, reference(handle, Access.ACCESS_SYSTEM_SECURITY, types.section(), UserMode));
        assertEquals(STATUS_ACCESS_DENIED, reference(handle, Access.ACCESS_SYSTEM_SECURITY, types.event(), UserMode));
        assertCounts(alice, handle, 2, 1);
    }

    @Test
    void accessDeniedOnlyForUserMode() {
        LongOut handle = new LongOut();
        assertEquals(STATUS_SUCCESS, createUserEvent(alice, null, 0, Event.EVENT_QUERY_STATE, handle));
        assertEquals(STATUS_SUCCESS, reference(handle.value, Event.EVENT_QUERY_STATE, types.event(), UserMode));
        assertEquals(STATUS_ACCESS_DENIED, reference(handle.value, Event.EVENT_MODIFY_STATE, types.event(), UserMode));
        assertEquals(STATUS_SUCCESS, reference(handle.value, Event.EVENT_MODIFY_STATE, types.event(), KernelMode));
        assertCounts(alice, handle.value, 2, 1);
    }

    @Test
    void desiredAccessIsComparedBitwiseWithoutGenericMapping() {
        long handle = userEvent(alice, null, 0);
        assertEquals(EVENT_ALL, entryOf(alice, handle).grantedAccess(), "generic rights were mapped when the handle was made");
        assertEquals(STATUS_ACCESS_DENIED, reference(handle, Access.GENERIC_READ, types.event(), UserMode),
                "GENERIC_READ is not mapped, so the bit is simply missing from the granted mask");
        assertEquals(STATUS_ACCESS_DENIED, reference(handle, Access.MAXIMUM_ALLOWED, types.event(), UserMode));
        assertEquals(STATUS_SUCCESS, reference(handle, Access.SYNCHRONIZE | Event.EVENT_QUERY_STATE, types.event(), UserMode));
    }

    @Test
    void genericAccessAtCreationIsMappedThroughTheType() {
        LongOut handle = new LongOut();
        assertEquals(STATUS_SUCCESS, createUserEvent(alice, null, 0, Access.GENERIC_READ, handle));
        assertEquals(0x20001, entryOf(alice, handle.value).grantedAccess());
    }

    @Test
    void successReportsHandleAttributesAndGrantedAccess() {
        long handle = userEvent(alice, null, OBJ_INHERIT);
        Out<KernelObject> object = new Out<>();
        Out<HandleInformation> information = new Out<>();
        assertEquals(STATUS_SUCCESS, reference(handle, 0, types.event(), UserMode, object, information));
        assertEquals(OBJ_INHERIT, information.value.handleAttributes());
        assertEquals(EVENT_ALL, information.value.grantedAccess());
        assertCounts(alice, handle, 3, 1);
        system.ob().obDereferenceObject(object.value);
        assertCounts(alice, handle, 2, 1);
    }

    @Test
    void handleLookupUsesTheAttachedProcessTable() {
        long bobs = userEvent(bob, null, 0);
        userEvent(alice, null, 0);
        userEvent(alice, null, 0);
        Out<KernelObject> object = new Out<>();
        NtStatus status = system.inDispatchRoutine(alice, () -> {
            ApcState state = new ApcState();
            Attach.keStackAttachProcess(alice.threads().getFirst(), bob, state);
            try {
                return system.ob().obReferenceObjectByHandle(bobs, 0, null, KernelMode, object, null);
            } finally {
                Attach.keUnstackDetachProcess(system.kernel(), alice.threads().getFirst(), state);
            }
        });
        assertEquals(STATUS_SUCCESS, status);
        assertSame(objectOf(bob, bobs), object.value);
        system.ob().obDereferenceObject(object.value);
    }

    @Test
    void kernelModeReferenceTestsOnlyBit31SoATruncatedKernelHandleStillNamesItsEntry() {
        long handle = kernelEvent(null, OBJ_KERNEL_HANDLE);
        long truncated = handle & 0xFFFFFFFFL;
        Out<KernelObject> object = new Out<>();
        assertEquals(STATUS_SUCCESS, reference(truncated, 0, types.event(), KernelMode, object, null));
        assertSame(objectOf(system.systemProcess(), handle), object.value);
        system.ob().obDereferenceObject(object.value);
        assertEquals(STATUS_INVALID_HANDLE, reference(truncated, 0, types.event(), UserMode));
        kernelClose(handle);
    }
}
