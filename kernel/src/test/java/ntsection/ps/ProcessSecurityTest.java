package ntsection.ps;

import ntsection.Executive;
import ntsection.nt.LongOut;
import ntsection.ob.ObjectAttributes;
import ntsection.testing.Systems;
import org.junit.jupiter.api.Test;

import static ntsection.nt.NtStatus.*;
import static ntsection.ps.ProcessAccess.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Process objects admit their own user, SYSTEM and administrators: an untrusted process
 * cannot open the System process to copy kernel handles out of its table, nor another
 * user's process to read its secrets.
 */
class ProcessSecurityTest {
    private final Executive system = Systems.boot();
    private final Process alice = system.createProcess("alice", false);
    private final Process bob = system.createProcess("bob", false);
    private final Process admin = system.createProcess("admin", true);

    private void open(Process caller, Process target, int access, ntsection.nt.NtStatus expected) {
        LongOut handle = new LongOut();
        assertEquals(expected, system.inUserMode(caller,
                () -> system.nt().ntOpenProcess(handle, access, ObjectAttributes.unnamed(0), target.id())));
        if (expected == STATUS_SUCCESS) system.inUserMode(caller, () -> system.nt().ntClose(handle.value));
    }

    @Test
    void untrustedProcessCannotOpenSystemToStealKernelHandles() {
        open(alice, system.systemProcess(), PROCESS_DUP_HANDLE, STATUS_ACCESS_DENIED);
    }

    @Test
    void untrustedProcessCannotOpenAnotherUsersProcess() {
        open(alice, bob, PROCESS_VM_OPERATION, STATUS_ACCESS_DENIED);
    }

    @Test
    void processMayOpenItself() {
        open(alice, alice, PROCESS_ALL_ACCESS, STATUS_SUCCESS);
    }

    @Test
    void trustedProcessOpensOtherUsersButNotSystem() {
        open(admin, bob, PROCESS_DUP_HANDLE, STATUS_SUCCESS);
        open(admin, system.systemProcess(), PROCESS_DUP_HANDLE, STATUS_ACCESS_DENIED);
    }

    @Test
    void kernelModeOpensAnyProcess() {
        LongOut handle = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inDispatchRoutine(alice,
                () -> system.zw().zwOpenProcess(handle, PROCESS_DUP_HANDLE, ObjectAttributes.unnamed(0), 4)));
        system.inUserMode(alice, () -> system.nt().ntClose(handle.value));
    }
}
