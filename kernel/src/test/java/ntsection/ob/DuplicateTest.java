package ntsection.ob;

import ntsection.ex.Event;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.ps.Process;
import ntsection.ps.ProcessAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Access.*;
import static ntsection.ob.Attributes.*;
import static org.junit.jupiter.api.Assertions.*;

/** NtDuplicateObject (ObDuplicateObject, ObHandle.c, om.c, kernel32 process.c). */
class DuplicateTest extends ObTestBase {
    private static final long SELF = Handles.NtCurrentProcess;

    private NtStatus duplicate(Process caller, long sourceProcess, long source, long targetProcess, LongOut target,
                               int access, int attributes, int options) {
        return system.inUserMode(caller, () -> system.nt().ntDuplicateObject(sourceProcess, source, targetProcess, target,
                access, attributes, options));
    }

    private long userDirectory() {
        LongOut handle = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice, () -> system.nt().ntCreateDirectoryObject(handle,
                DIRECTORY_ALL_ACCESS, ObjectAttributes.unnamed(0))));
        return handle.value;
    }

    /** The ObHandle.c table: a Directory handle with DIRECTORY_ALL_ACCESS and attributes 0 as the source. */
    @ParameterizedTest(name = "access {0} attributes {1} options {2} -> {3} {4}")
    @CsvSource({
            "0xF000F, 0, 0, 0xF000F, 0",
            "0x1,     0, 0, 0x1,     0",
            "0x1,     2, 0, 0x1,     2",
            "0x1,     2, 2, 0xF000F, 2",
            "0x1,     2, 4, 0x1,     0",
            "0x1,     2, 6, 0xF000F, 0",
    })
    void accessAndAttributesFollowTheObHandleTable(String access, int attributes, int options, String expectedAccess,
                                                   int expectedAttributes) {
        long source = userDirectory();
        assertCounts(alice, source, 2, 1);
        LongOut copy = new LongOut();
        NtStatus status = system.inDispatchRoutine(alice, () -> system.zw().zwDuplicateObject(SELF, source, SELF, copy,
                Integer.decode(access), attributes, options));
        assertEquals(STATUS_SUCCESS, status);
        assertEquals(Integer.decode(expectedAccess), entryOf(alice, copy.value).grantedAccess());
        assertEquals(expectedAttributes, entryOf(alice, copy.value).attributes());
        assertCounts(alice, source, 3, 2);
        assertCounts(alice, copy.value, 3, 2);
        assertEquals(STATUS_SUCCESS, userClose(alice, copy.value));
        assertCounts(alice, source, 2, 1);
    }

    @Test
    void genericDesiredAccessIsMappedThroughTheType() {
        long source = userEvent(alice, null, 0);
        LongOut copy = new LongOut();
        assertEquals(STATUS_SUCCESS, duplicate(alice, SELF, source, SELF, copy, GENERIC_READ, 0, 0));
        assertEquals(0x20001, entryOf(alice, copy.value).grantedAccess());
    }

    @Test
    void closeSourceInOneProcessKeepsTheSameHandleValueEvenWithALowerSlotFree() {
        long low = userEvent(alice, null, 0);
        long source = userEvent(alice, null, OBJ_INHERIT);
        userClose(alice, low);
        LongOut copy = new LongOut();
        assertEquals(STATUS_SUCCESS, duplicate(alice, SELF, source | 3, SELF, copy, Event.EVENT_QUERY_STATE, 0, DUPLICATE_CLOSE_SOURCE));
        assertEquals(source, copy.value);
        assertEquals(Event.EVENT_QUERY_STATE, entryOf(alice, source).grantedAccess(), "only the access and attributes change");
        assertEquals(0, entryOf(alice, source).attributes());
        assertCounts(alice, source, 2, 1);
    }

    @Test
    void closeSourceWithExtraAccessGivesANewValueAndClosesTheSource() {
        LongOut source = new LongOut();
        assertEquals(STATUS_SUCCESS, createUserEvent(alice, null, 0, Event.EVENT_QUERY_STATE, source));
        userEvent(alice, null, 0);
        LongOut copy = new LongOut();
        assertEquals(STATUS_SUCCESS, duplicate(alice, SELF, source.value, SELF, copy, EVENT_ALL, 0, DUPLICATE_CLOSE_SOURCE));
        assertEquals(12, copy.value, "the new handle is made before the source goes");
        assertNull(entryOf(alice, source.value));
        assertCounts(alice, copy.value, 2, 1);
    }

    @Test
    void closeSourceOfAProtectedHandleGivesANewValueAndKeepsTheSource() {
        long plain = userEvent(alice, null, 0);
        LongOut guarded = new LongOut();
        assertEquals(STATUS_SUCCESS, duplicate(alice, SELF, plain, SELF, guarded, 0, OBJ_PROTECT_CLOSE, DUPLICATE_SAME_ACCESS));
        LongOut copy = new LongOut();
        assertEquals(STATUS_SUCCESS, duplicate(alice, SELF, guarded.value, SELF, copy, 0, 0, DUPLICATE_CLOSE_SOURCE | DUPLICATE_SAME_ACCESS));
        assertNotEquals(guarded.value, copy.value);
        assertNotNull(entryOf(alice, guarded.value), "the protected source stays");
        assertCounts(alice, plain, 4, 3);
    }

    @Test
    void closeSourceOfTheCurrentProcessPseudoHandleYieldsARealHandle() {
        LongOut copy = new LongOut();
        assertEquals(STATUS_SUCCESS, duplicate(alice, SELF, SELF, SELF, copy, 0, 0, DUPLICATE_CLOSE_SOURCE | DUPLICATE_SAME_ACCESS));
        assertEquals(4, copy.value);
        assertSame(alice, objectOf(alice, copy.value));
        assertEquals(ProcessAccess.PROCESS_ALL_ACCESS, entryOf(alice, copy.value).grantedAccess(), "a pseudo-handle has full access");
    }

    @Test
    void accessAllOnesIsDeniedAndTheTargetIsZero() {
        long source = userEvent(alice, null, 0);
        LongOut copy = new LongOut(0x77);
        assertEquals(STATUS_ACCESS_DENIED, duplicate(alice, SELF, source, SELF, copy, ~0, 0, 0));
        assertEquals(0, copy.value);
        assertCounts(alice, source, 2, 1);
    }

    @Test
    void zeroAccessDuplicateSucceeds() {
        long source = userEvent(alice, null, 0);
        LongOut copy = new LongOut();
        assertEquals(STATUS_SUCCESS, duplicate(alice, SELF, source, SELF, copy, 0, 0, 0));
        assertEquals(0, entryOf(alice, copy.value).grantedAccess());
        assertCounts(alice, source, 3, 2);
    }

    @Test
    void badSourceHandleIsInvalidAndTheTargetIsZero() {
        LongOut copy = new LongOut(0x77);
        assertEquals(STATUS_INVALID_HANDLE, duplicate(alice, SELF, 0x40, SELF, copy, 0, 0, DUPLICATE_SAME_ACCESS));
        assertEquals(0, copy.value);
    }

    @Test
    void nullTargetPointerIsAccepted() {
        long source = userEvent(alice, null, 0);
        assertEquals(STATUS_SUCCESS, duplicate(alice, SELF, source, SELF, null, 0, 0, DUPLICATE_SAME_ACCESS));
        assertCounts(alice, source, 3, 2);
    }

    @Test
    void nullTargetProcessOnlyClosesTheSource() {
        long source = userEvent(alice, null, 0);
        assertEquals(STATUS_INVALID_PARAMETER, duplicate(alice, SELF, source, 0, new LongOut(), 0, 0, DUPLICATE_SAME_ACCESS));
        assertCounts(alice, source, 2, 1);
        assertEquals(STATUS_SUCCESS, duplicate(alice, SELF, source, 0, new LongOut(), 0, 0, DUPLICATE_CLOSE_SOURCE));
        assertEquals(0, alice.handleTable().count());
    }

    @Test
    void intoAnotherProcessNeedsDupHandleAccessOnBothProcessHandles() {
        long source = userEvent(alice, "\\BaseNamedObjects\\shared", 0);
        long weakBob = openProcess(alice, bob, ProcessAccess.PROCESS_QUERY_INFORMATION);
        long strongBob = openProcess(alice, bob, ProcessAccess.PROCESS_DUP_HANDLE);
        assertEquals(STATUS_ACCESS_DENIED, duplicate(alice, SELF, source, weakBob, new LongOut(), 0, 0, DUPLICATE_SAME_ACCESS));
        LongOut copy = new LongOut();
        assertEquals(STATUS_SUCCESS, duplicate(alice, SELF, source, strongBob, copy, 0, 0, DUPLICATE_SAME_ACCESS));
        assertEquals(4, copy.value, "bob's first handle");
        assertCounts(alice, source, 4, 2);
        assertCounts(bob, copy.value, 4, 2);
        assertEquals(STATUS_SUCCESS, duplicate(alice, SELF, source, strongBob, new LongOut(), 0, 0,
                DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE));
        assertNull(entryOf(alice, source), "across processes the source goes and a new value is made");
        assertCounts(bob, copy.value, 4, 2);
    }

    @Test
    void fromAnotherProcessesTable() {
        long bobs = userEvent(bob, null, 0);
        long bobHandle = openProcess(alice, bob, ProcessAccess.PROCESS_DUP_HANDLE);
        LongOut copy = new LongOut();
        assertEquals(STATUS_SUCCESS, duplicate(alice, bobHandle, bobs, SELF, copy, 0, 0, DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE));
        assertEquals(0, bob.handleTable().count());
        assertCounts(alice, copy.value, 2, 1);
    }

    @Test
    void choiceKernelHandleOnlyIntoSystemAndTheFlagIsDroppedIntoAUserProcessAsOnNt5() {
        long source = userEvent(alice, null, 0);
        LongOut systemHandle = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inDispatchRoutine(alice, () -> system.zw().zwOpenProcess(systemHandle,
                ProcessAccess.PROCESS_DUP_HANDLE, ObjectAttributes.unnamed(OBJ_KERNEL_HANDLE), system.systemProcess().id())));
        LongOut kernelCopy = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inDispatchRoutine(alice, () -> system.zw().zwDuplicateObject(SELF, source,
                systemHandle.value, kernelCopy, 0, OBJ_KERNEL_HANDLE, DUPLICATE_SAME_ACCESS)));
        assertTrue(Handles.hasKernelBit(kernelCopy.value));
        assertKernelCounts(kernelCopy.value, 3, 2);

        LongOut userCopy = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inDispatchRoutine(alice, () -> system.zw().zwDuplicateObject(SELF, source,
                SELF, userCopy, 0, OBJ_KERNEL_HANDLE, DUPLICATE_SAME_ACCESS)));
        assertFalse(Handles.hasKernelBit(userCopy.value), "NT 5.x: into a user process the flag is dropped");
        assertEquals(0, entryOf(alice, userCopy.value).attributes());

        LongOut plainSystem = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inDispatchRoutine(alice, () -> system.zw().zwDuplicateObject(SELF, source,
                systemHandle.value, plainSystem, 0, 0, DUPLICATE_SAME_ACCESS)));
        assertFalse(Handles.hasKernelBit(plainSystem.value), "without the flag: an unflagged handle in the System table");
        assertNotNull(system.systemProcess().handleTable().lookup(plainSystem.value));
        assertCounts(alice, source, 5, 4);
        kernelClose(kernelCopy.value);
        kernelClose(plainSystem.value);
        kernelClose(systemHandle.value);
        assertCounts(alice, source, 3, 2);
    }

    @Test
    void userModeKernelFlagIntoSystemStillGivesAPlainHandle() {
        long source = userEvent(alice, null, 0);
        long systemHandle = openProcess(alice, system.systemProcess(), ProcessAccess.PROCESS_DUP_HANDLE);
        LongOut copy = new LongOut();
        assertEquals(STATUS_SUCCESS, duplicate(alice, SELF, source, systemHandle, copy, 0, OBJ_KERNEL_HANDLE, DUPLICATE_SAME_ACCESS));
        assertFalse(Handles.hasKernelBit(copy.value));
        kernelClose(copy.value);
    }

    @Test
    void kernelHandleSourceFromUserModeIsInvalid() {
        long kernel = kernelEvent(null, OBJ_KERNEL_HANDLE);
        assertEquals(STATUS_INVALID_HANDLE, duplicate(alice, SELF, kernel, SELF, new LongOut(), 0, 0, DUPLICATE_SAME_ACCESS));
        assertEquals(0, alice.handleTable().count());
        LongOut leaked = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inDispatchRoutine(alice, () -> system.zw().zwDuplicateObject(SELF, kernel, SELF, leaked,
                0, 0, DUPLICATE_SAME_ACCESS)), "a driver can copy its own kernel handle into the user's table");
        assertCounts(alice, leaked.value, 3, 2);
        kernelClose(kernel);
    }

    @Test
    void sameAttributesCopiesInheritAndProtectFromTheSource() {
        long plain = userEvent(alice, null, 0);
        LongOut guarded = new LongOut();
        assertEquals(STATUS_SUCCESS, duplicate(alice, SELF, plain, SELF, guarded, 0, OBJ_PROTECT_CLOSE | OBJ_INHERIT, DUPLICATE_SAME_ACCESS));
        LongOut copy = new LongOut();
        assertEquals(STATUS_SUCCESS, duplicate(alice, SELF, guarded.value, SELF, copy, 0, 0, DUPLICATE_SAME_ACCESS | DUPLICATE_SAME_ATTRIBUTES));
        assertEquals(OBJ_PROTECT_CLOSE | OBJ_INHERIT, entryOf(alice, copy.value).attributes());
        assertEquals(STATUS_HANDLE_NOT_CLOSABLE, userClose(alice, copy.value));
    }
}
