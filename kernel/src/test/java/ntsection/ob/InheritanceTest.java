package ntsection.ob;

import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ps.Process;
import ntsection.ps.ProcessAccess;
import org.junit.jupiter.api.Test;

import java.util.List;

import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Attributes.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Handle inheritance at process creation (Wine notes §5.4, ObInitProcess and
 * ExDupHandleTable): the child's table holds the parent's OBJ_INHERIT entries at the
 * same values, each a handle and a pointer reference of its own.
 */
class InheritanceTest extends ObTestBase {

    private Process childOf(Process parent) {
        return system.createProcess("child", false, parent);
    }

    private ObjectBasicInformation query(Process process, long handle) {
        Out<ObjectBasicInformation> info = new Out<>();
        assertEquals(STATUS_SUCCESS, system.inUserMode(process, () -> system.nt().ntQueryObject(handle, info)));
        return info.value;
    }

    private NtStatus setFlags(Process process, long handle, boolean inherit, boolean protect) {
        return system.inUserMode(process, () -> system.nt().ntSetInformationObject(handle,
                ObjectHandleFlagInformation.CLASS, new ObjectHandleFlagInformation(inherit, protect), ObjectHandleFlagInformation.SIZE));
    }

    @Test
    void childReceivesOnlyInheritableHandlesAtTheParentsValues() {
        long plain = userEvent(alice, null, 0);
        long first = userEvent(alice, null, OBJ_INHERIT);
        long second = userEvent(alice, null, OBJ_INHERIT);
        assertEquals(List.of(4L, 8L, 0xCL), List.of(plain, first, second));

        Process child = childOf(alice);

        assertEquals(List.of(8L, 0xCL), child.handleTable().handles());
        assertNull(entryOf(child, plain));
        assertSame(objectOf(alice, first), objectOf(child, first));
        assertSame(objectOf(alice, second), objectOf(child, second));
    }

    @Test
    void eachInheritedHandleAddsAHandleCountAndAPointerReference() {
        long event = userEvent(alice, null, OBJ_INHERIT);
        assertCounts(alice, event, 2, 1);

        Process child = childOf(alice);

        assertCounts(alice, event, 3, 2);
        assertCounts(child, event, 3, 2);
        assertEquals(STATUS_SUCCESS, userClose(child, event));
        assertCounts(alice, event, 2, 1);
    }

    @Test
    void inheritedHandleKeepsTheParentsAccessAndAttributes() {
        long event = userEvent(alice, null, OBJ_INHERIT);
        ObjectBasicInformation parent = query(alice, event);

        Process child = childOf(alice);

        ObjectBasicInformation inherited = query(child, event);
        assertEquals(parent.grantedAccess(), inherited.grantedAccess());
        assertEquals(OBJ_INHERIT, inherited.attributes());
    }

    @Test
    void childsFirstNewHandleTakesTheLowestSlotLeftFree() {
        userEvent(alice, null, 0);
        long inherited = userEvent(alice, null, OBJ_INHERIT);
        Process child = childOf(alice);

        assertEquals(4L, userEvent(child, null, 0));
        assertEquals(0xCL, userEvent(child, null, 0));
        assertNotNull(entryOf(child, inherited));
    }

    @Test
    void inheritedValueOnTheSecondTablePageLeavesTheReservedSlotUnused() {
        for (int i = 1; i < HandleTable.PAGE_ENTRIES; i++) userEvent(alice, null, 0);
        long inherited = userEvent(alice, null, OBJ_INHERIT);
        assertEquals(0x404L, inherited);
        Process child = childOf(alice);

        for (int i = 1; i < HandleTable.PAGE_ENTRIES; i++) assertEquals(4L * i, userEvent(child, null, 0));
        assertEquals(0x408L, userEvent(child, null, 0));
        assertCounts(child, inherited, 3, 2);
    }

    @Test
    void protectFromCloseIsCopiedWithTheEntry() {
        long event = userEvent(alice, null, OBJ_INHERIT);
        assertEquals(STATUS_SUCCESS, setFlags(alice, event, true, true));

        Process child = childOf(alice);

        assertEquals(OBJ_INHERIT | OBJ_PROTECT_CLOSE, query(child, event).attributes());
        assertEquals(STATUS_HANDLE_NOT_CLOSABLE, userClose(child, event));
        assertCounts(alice, event, 3, 2);
        system.terminateProcess(child, STATUS_SUCCESS);
        assertCounts(alice, event, 2, 1);
    }

    @Test
    void handleMadeInheritableLaterIsInherited() {
        long event = userEvent(alice, null, 0);
        assertEquals(STATUS_SUCCESS, setFlags(alice, event, true, false));

        Process child = childOf(alice);

        assertCounts(child, event, 3, 2);
    }

    @Test
    void handlesCreatedAfterTheChildAreNotShared() {
        Process child = childOf(alice);
        long event = userEvent(alice, null, OBJ_INHERIT);

        assertNull(entryOf(child, event));
        assertCounts(alice, event, 2, 1);
    }

    @Test
    void grandchildInheritsWhatTheChildInherited() {
        long event = userEvent(alice, null, OBJ_INHERIT);
        Process child = childOf(alice);
        Process grandchild = system.createProcess("grandchild", false, child);

        assertEquals(List.of(event), grandchild.handleTable().handles());
        assertCounts(grandchild, event, 4, 3);
    }

    @Test
    void handleToAnExclusivelyOwnedObjectIsLeftOut() {
        long exclusive = userEvent(alice, null, OBJ_EXCLUSIVE);
        // NT does not refuse the flag here; the exclusive rule refuses the inherited copy.
        assertEquals(STATUS_SUCCESS, setFlags(alice, exclusive, true, false));
        long shared = userEvent(alice, null, OBJ_INHERIT);

        Process child = childOf(alice);

        assertEquals(List.of(shared), child.handleTable().handles());
        assertCounts(alice, exclusive, 2, 1);
    }

    @Test
    void kernelHandlesAreNotInheritedFromTheProcessThatMadeThem() {
        LongOut handle = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inDispatchRoutine(alice, () -> system.zw().zwCreateEvent(handle, EVENT_ALL,
                ObjectAttributes.unnamed(OBJ_KERNEL_HANDLE | OBJ_INHERIT), ntsection.ex.Event.NotificationEvent, false)));

        Process child = childOf(alice);

        assertEquals(List.of(), child.handleTable().handles());
        assertKernelCounts(handle.value, 2, 1);
        assertEquals(STATUS_SUCCESS, kernelClose(handle.value));
    }

    @Test
    void inheritedProcessHandleStillRefersToItsProcess() {
        long bobHandle = openProcess(alice, bob, ProcessAccess.PROCESS_DUP_HANDLE);
        assertEquals(STATUS_SUCCESS, setFlags(alice, bobHandle, true, false));

        Process child = childOf(alice);

        assertSame(bob, objectOf(child, bobHandle));
        assertEquals(ProcessAccess.PROCESS_DUP_HANDLE, query(child, bobHandle).grantedAccess());
    }

    @Test
    void namedObjectKeepsItsNameWhileOnlyTheChildHoldsAHandle() {
        long event = userEvent(alice, "\\BaseNamedObjects\\Inherited", OBJ_INHERIT);
        Process child = childOf(alice);
        assertEquals(STATUS_SUCCESS, userClose(alice, event));

        LongOut reopened = new LongOut();
        assertEquals(STATUS_SUCCESS, openUserEvent(child, "\\BaseNamedObjects\\Inherited", 0, EVENT_ALL, reopened));
        assertCounts(child, event, 4, 2);
    }
}
