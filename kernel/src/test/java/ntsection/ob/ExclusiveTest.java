package ntsection.ob;

import ntsection.ke.ProcessorMode;
import ntsection.nt.LongOut;
import ntsection.nt.Out;
import ntsection.ps.ProcessAccess;
import org.junit.jupiter.api.Test;

import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Attributes.*;
import static org.junit.jupiter.api.Assertions.*;

/** OBJ_EXCLUSIVE and OBJ_KERNEL_EXCLUSIVE (ObpIncrementHandleCount). */
class ExclusiveTest extends ObTestBase {
    private static final String NAME = "\\BaseNamedObjects\\mine";

    @Test
    void exclusiveObjectOpensOnlyExclusivelyFromItsOwner() {
        long handle = userEvent(alice, NAME, OBJ_EXCLUSIVE);
        Out<ObjectBasicInformation> info = new Out<>();
        system.inUserMode(alice, () -> system.nt().ntQueryObject(handle, info));
        assertEquals(OBJ_EXCLUSIVE, info.value.attributes() & OBJ_EXCLUSIVE);
        assertEquals(STATUS_ACCESS_DENIED, openUserEvent(bob, NAME, OBJ_EXCLUSIVE, EVENT_ALL, new LongOut()), "another process");
        assertEquals(STATUS_ACCESS_DENIED, openUserEvent(bob, NAME, 0, EVENT_ALL, new LongOut()));
        assertEquals(STATUS_ACCESS_DENIED, openUserEvent(alice, NAME, 0, EVENT_ALL, new LongOut()), "a non-exclusive open");
        assertEquals(STATUS_INVALID_PARAMETER, openUserEvent(alice, NAME, OBJ_EXCLUSIVE | OBJ_INHERIT, EVENT_ALL, new LongOut()));
        LongOut second = new LongOut();
        assertEquals(STATUS_SUCCESS, openUserEvent(alice, NAME, OBJ_EXCLUSIVE, EVENT_ALL, second));
        assertCounts(alice, second.value, 4, 2);
    }

    @Test
    void exclusiveRulesHoldForKernelModeToo() {
        userEvent(alice, NAME, OBJ_EXCLUSIVE);
        assertEquals(STATUS_ACCESS_DENIED, system.inSystemThread(() -> system.zw().zwOpenEvent(new LongOut(), EVENT_ALL,
                ObjectAttributes.named(NAME, OBJ_KERNEL_HANDLE))));
    }

    @Test
    void exclusiveOpenOfANonExclusiveObjectIsAnInvalidParameter() {
        userEvent(alice, NAME, 0);
        assertEquals(STATUS_INVALID_PARAMETER, openUserEvent(alice, NAME, OBJ_EXCLUSIVE, EVENT_ALL, new LongOut()));
    }

    @Test
    void exclusiveTogetherWithInheritAtCreationIsAnInvalidParameter() {
        assertEquals(STATUS_INVALID_PARAMETER, createUserEvent(alice, NAME, OBJ_EXCLUSIVE | OBJ_INHERIT, EVENT_ALL, new LongOut()));
        assertEquals(0, alice.handleTable().count());
    }

    @Test
    void openIfOnSomeoneElsesExclusiveObjectIsAccessDenied() {
        userEvent(alice, NAME, OBJ_EXCLUSIVE);
        assertEquals(STATUS_ACCESS_DENIED, createUserEvent(bob, NAME, OBJ_OPENIF, EVENT_ALL, new LongOut()));
        assertEquals(0, bob.handleTable().count());
    }

    @Test
    void kernelExclusiveNameRefusesEveryOpenWhoseProbeModeIsUser() {
        long handle = kernelEvent(NAME, OBJ_KERNEL_EXCLUSIVE | OBJ_KERNEL_HANDLE);
        assertEquals(STATUS_ACCESS_DENIED, openUserEvent(alice, NAME, 0, EVENT_ALL, new LongOut()));
        assertEquals(STATUS_ACCESS_DENIED, system.inSystemThread(() -> system.zw().zwOpenEvent(new LongOut(), EVENT_ALL,
                ObjectAttributes.named(NAME, OBJ_KERNEL_HANDLE | OBJ_FORCE_ACCESS_CHECK))));
        LongOut kernel = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inSystemThread(() -> system.zw().zwOpenEvent(kernel, EVENT_ALL,
                ObjectAttributes.named(NAME, OBJ_KERNEL_HANDLE))));
        assertKernelCounts(handle, 4, 2);
    }

    @Test
    void lastHandleFreesAnExclusiveObjectForANewOwner() {
        long creator = kernelEvent(NAME, OBJ_EXCLUSIVE | OBJ_PERMANENT);
        assertEquals(STATUS_ACCESS_DENIED, openUserEvent(bob, NAME, OBJ_EXCLUSIVE, EVENT_ALL, new LongOut()), "System owns it");
        assertEquals(STATUS_SUCCESS, kernelClose(creator));
        LongOut bobs = new LongOut();
        assertEquals(STATUS_SUCCESS, openUserEvent(bob, NAME, OBJ_EXCLUSIVE, EVENT_ALL, bobs), "no handle left: anyone may own it");
        assertEquals(STATUS_ACCESS_DENIED, openUserEvent(alice, NAME, OBJ_EXCLUSIVE, EVENT_ALL, new LongOut()));
        assertEquals(STATUS_ACCESS_DENIED, openUserEvent(alice, NAME, 0, EVENT_ALL, new LongOut()));
        assertEquals(STATUS_SUCCESS, userClose(bob, bobs.value));
        LongOut shared = new LongOut();
        assertEquals(STATUS_SUCCESS, openUserEvent(alice, NAME, 0, EVENT_ALL, shared), "ownerless: plain opens are allowed");
        assertEquals(STATUS_ACCESS_DENIED, openUserEvent(bob, NAME, OBJ_EXCLUSIVE, EVENT_ALL, new LongOut()),
                "no exclusive handle while ownerless handles exist");
        assertCounts(alice, shared.value, 3, 1);
    }

    @Test
    void duplicatingAnExclusiveHandleNeedsAnExclusiveDuplicateInTheOwner() {
        long handle = userEvent(alice, NAME, OBJ_EXCLUSIVE);
        long self = Handles.NtCurrentProcess;
        assertEquals(STATUS_ACCESS_DENIED, system.inUserMode(alice, () -> system.nt().ntDuplicateObject(self, handle, self,
                new LongOut(), 0, 0, DUPLICATE_SAME_ACCESS)));
        assertEquals(STATUS_ACCESS_DENIED, system.inUserMode(alice, () -> system.nt().ntDuplicateObject(self, handle, self,
                new LongOut(), 0, 0, DUPLICATE_SAME_ACCESS | DUPLICATE_SAME_ATTRIBUTES)));
        LongOut copy = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice, () -> system.nt().ntDuplicateObject(self, handle, self,
                copy, 0, OBJ_EXCLUSIVE, DUPLICATE_SAME_ACCESS)));
        long toBob = openProcess(alice, bob, ProcessAccess.PROCESS_DUP_HANDLE);
        assertEquals(STATUS_ACCESS_DENIED, system.inUserMode(alice, () -> system.nt().ntDuplicateObject(self, handle, toBob,
                new LongOut(), 0, OBJ_EXCLUSIVE, DUPLICATE_SAME_ACCESS)));
        assertCounts(alice, handle, 4, 2);
    }

    @Test
    void referenceByNameMakesNoHandleSoTheExclusiveRuleDoesNotApply() {
        long handle = userEvent(alice, NAME, OBJ_EXCLUSIVE);
        Out<KernelObject> object = new Out<>();
        assertEquals(STATUS_SUCCESS, system.inSystemThread(() -> system.ob().obReferenceObjectByName(NAME, 0, 0,
                system.ob().types().event(), ProcessorMode.KernelMode, object)));
        assertCounts(alice, handle, 4, 1);
        system.ob().obDereferenceObject(object.value);
    }
}
