package ntsection.ob;

import ntsection.nt.LongOut;
import ntsection.nt.Out;
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
}
