package ntsection.ob;

import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ps.Process;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static ntsection.ke.ProcessorMode.KernelMode;
import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Attributes.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * NtSetInformationObject(ObjectHandleFlagInformation) (ReactOS ObpSetHandleAttributes,
 * kernel-mode notes §1.6): the length must be the structure's, a missing entry or an
 * inheritance the type forbids is access denied, and the flags show in NtQueryObject.
 */
class SetInformationObjectTest extends ObTestBase {
    private static final int CLASS = ObjectHandleFlagInformation.CLASS;
    private static final long SIZE = ObjectHandleFlagInformation.SIZE;

    private NtStatus userSet(Process process, long handle, boolean inherit, boolean protect, long length) {
        return system.inUserMode(process, () -> system.nt().ntSetInformationObject(handle, CLASS,
                new ObjectHandleFlagInformation(inherit, protect), length));
    }

    private NtStatus kernelSet(long handle, boolean inherit, boolean protect) {
        return system.inSystemThread(() -> system.zw().zwSetInformationObject(handle, CLASS,
                new ObjectHandleFlagInformation(inherit, protect), SIZE));
    }

    private int attributesOf(Process process, long handle) {
        Out<ObjectBasicInformation> info = new Out<>();
        assertEquals(STATUS_SUCCESS, system.inUserMode(process, () -> system.nt().ntQueryObject(handle, info)));
        return info.value.attributes();
    }

    @ParameterizedTest(name = "length {0}")
    @ValueSource(longs = {0, 1, 3, 8})
    void lengthOtherThanTheStructuresIsInfoLengthMismatch(long length) {
        long event = userEvent(alice, null, 0);
        assertEquals(STATUS_INFO_LENGTH_MISMATCH, userSet(alice, event, true, true, length));
        assertEquals(0, attributesOf(alice, event));
    }

    @Test
    void lengthIsCheckedBeforeTheHandle() {
        assertEquals(STATUS_INFO_LENGTH_MISMATCH, userSet(alice, 0x1234, false, false, 0));
    }

    @Test
    void otherInformationClassIsInvalidInfoClass() {
        long event = userEvent(alice, null, 0);
        assertEquals(STATUS_INVALID_INFO_CLASS, system.inUserMode(alice, () -> system.nt().ntSetInformationObject(event, 0,
                new ObjectHandleFlagInformation(true, false), SIZE)));
    }

    @ParameterizedTest(name = "handle {0}")
    @ValueSource(longs = {0, 0x1234, -1, -2})
    void handleWithoutAnEntryIsAccessDenied(long handle) {
        assertEquals(STATUS_ACCESS_DENIED, userSet(alice, handle, false, true, SIZE));
    }

    @Test
    void anotherProcesssHandleValueIsAccessDenied() {
        long event = userEvent(alice, null, 0);
        assertEquals(STATUS_ACCESS_DENIED, userSet(bob, event, false, true, SIZE));
        assertEquals(0, attributesOf(alice, event));
    }

    @Test
    void protectFromCloseStopsNtCloseUntilCleared() {
        long event = userEvent(alice, null, 0);
        assertEquals(STATUS_SUCCESS, userSet(alice, event, false, true, SIZE));
        assertEquals(OBJ_PROTECT_CLOSE, attributesOf(alice, event));
        assertEquals(STATUS_HANDLE_NOT_CLOSABLE, userClose(alice, event));
        assertCounts(alice, event, 2, 1);

        assertEquals(STATUS_SUCCESS, userSet(alice, event, false, false, SIZE));
        assertEquals(0, attributesOf(alice, event));
        assertEquals(STATUS_SUCCESS, userClose(alice, event));
    }

    @Test
    void inheritIsSetAndClearedWithoutChangingAccessOrCounts() {
        long event = userEvent(alice, null, 0);
        int access = entryOf(alice, event).grantedAccess();
        assertEquals(STATUS_SUCCESS, userSet(alice, event, true, false, SIZE));
        assertEquals(OBJ_INHERIT, attributesOf(alice, event));
        assertEquals(access, entryOf(alice, event).grantedAccess());
        assertCounts(alice, event, 2, 1);

        assertEquals(STATUS_SUCCESS, userSet(alice, event, false, false, SIZE));
        assertEquals(0, attributesOf(alice, event));
    }

    @Test
    void tagBitsNameTheSameEntry() {
        long event = userEvent(alice, null, 0);
        assertEquals(STATUS_SUCCESS, userSet(alice, event + 3, true, true, SIZE));
        assertEquals(OBJ_INHERIT | OBJ_PROTECT_CLOSE, attributesOf(alice, event));
        assertEquals(STATUS_SUCCESS, userSet(alice, event, false, false, SIZE));
    }

    @Test
    void auditOnCloseIsKept() {
        long event = userEvent(alice, null, 0);
        KernelObject object = objectOf(alice, event);
        long audited;
        synchronized (system.ob().lock) {
            audited = system.ob().entries().insert(alice, object, EVENT_ALL, OBJ_AUDIT_OBJECT_CLOSE);
        }
        assertEquals(STATUS_SUCCESS, userSet(alice, audited, true, false, SIZE));
        assertEquals(OBJ_AUDIT_OBJECT_CLOSE | OBJ_INHERIT, entryOf(alice, audited).attributes());
        assertEquals(STATUS_SUCCESS, userClose(alice, audited));
    }

    @Test
    void typeWhoseInvalidAttributesIncludeInheritRefusesInheritButNotProtection() {
        ObjectType noInherit = new ObjectType(system.ob().types().type(), "NoInherit",
                new GenericMapping(0x20001, 0x20002, 0x20000, 0x1F0003), 0x1F0003, OBJ_INHERIT, false);
        KernelObject object = system.ob().obCreateObject(new KernelObject(noInherit) { });
        LongOut handle = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice, () -> system.ob().obInsertObject(object,
                ObjectAttributes.unnamed(0), 0x1F0003, KernelMode, handle)));

        assertEquals(STATUS_ACCESS_DENIED, userSet(alice, handle.value, true, false, SIZE));
        assertEquals(STATUS_SUCCESS, userSet(alice, handle.value, false, true, SIZE));
        assertEquals(OBJ_PROTECT_CLOSE, attributesOf(alice, handle.value));
        assertEquals(STATUS_SUCCESS, userSet(alice, handle.value, false, false, SIZE));
        assertEquals(STATUS_SUCCESS, userClose(alice, handle.value));
    }

    @Test
    void kernelHandleIsChangedInTheKernelTableFromAnyProcess() {
        long event = kernelEvent(null, OBJ_KERNEL_HANDLE);
        assertEquals(STATUS_SUCCESS, system.inDispatchRoutine(alice, () -> system.zw().zwSetInformationObject(event, CLASS,
                new ObjectHandleFlagInformation(false, true), SIZE)));
        assertEquals(OBJ_PROTECT_CLOSE, system.ob().kernelHandleTable().lookup(Handles.fromKernelHandle(event)).attributes());

        assertEquals(STATUS_SUCCESS, kernelSet(event, false, false));
        assertEquals(STATUS_SUCCESS, kernelClose(event));
    }

    @Test
    void kernelHandleValueFromUserModeIsAccessDenied() {
        long event = kernelEvent(null, OBJ_KERNEL_HANDLE);
        assertEquals(STATUS_ACCESS_DENIED, userSet(alice, event, false, true, SIZE));
        assertEquals(0, system.ob().kernelHandleTable().lookup(Handles.fromKernelHandle(event)).attributes());
        assertEquals(STATUS_SUCCESS, kernelClose(event));
    }

    @Test
    void protectedKernelHandleBugChecksOnZwClose() {
        long event = kernelEvent(null, OBJ_KERNEL_HANDLE);
        assertEquals(STATUS_SUCCESS, kernelSet(event, false, true));
        assertEquals(0x93, bugCheckOf(() -> system.inSystemThread(() -> system.zw().zwClose(event))).code());
    }

    @Test
    void duplicateWithSameAttributesCopiesFlagsSetHere() {
        long event = userEvent(alice, null, 0);
        assertEquals(STATUS_SUCCESS, userSet(alice, event, true, false, SIZE));
        LongOut copy = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice, () -> system.nt().ntDuplicateObject(Handles.NtCurrentProcess,
                event, Handles.NtCurrentProcess, copy, 0, 0, DUPLICATE_SAME_ACCESS | DUPLICATE_SAME_ATTRIBUTES)));
        assertEquals(OBJ_INHERIT, attributesOf(alice, copy.value));
    }
}
