package ntsection.ob;

import ntsection.ke.ApcState;
import ntsection.ke.Attach;
import ntsection.ke.BugCheck;
import ntsection.ke.BugCheckCodes;
import ntsection.nt.LongOut;
import ntsection.nt.Out;
import ntsection.ps.Process;
import ntsection.ps.Thread;
import org.junit.jupiter.api.Test;

import static ntsection.ke.ProcessorMode.KernelMode;
import static ntsection.nt.NtStatus.*;
import static org.junit.jupiter.api.Assertions.*;

/** KeStackAttachProcess / KeUnstackDetachProcess and what they do to handle lookups (ke/procobj.c). */
class AttachTest extends ObTestBase {
    private final Thread thread = alice.threads().getFirst();

    private void attach(Process process, ApcState state) {
        Attach.keStackAttachProcess(thread, process, state);
    }

    private void detach(ApcState state) {
        Attach.keUnstackDetachProcess(system.kernel(), thread, state);
    }

    @Test
    void handlesAndTheCurrentProcessPseudoHandleResolveInTheAttachedProcess() {
        long bobs = userEvent(bob, null, 0);
        system.inDispatchRoutine(alice, () -> {
            ApcState state = new ApcState();
            attach(bob, state);
            assertSame(bob, thread.currentProcess());
            Out<KernelObject> self = new Out<>();
            assertEquals(STATUS_SUCCESS, system.ob().obReferenceObjectByHandle(Handles.NtCurrentProcess, 0, null, KernelMode, self, null));
            assertSame(bob, self.value);
            system.ob().obDereferenceObject(self.value);
            assertEquals(STATUS_SUCCESS, system.zw().zwClose(bobs));
            detach(state);
            assertSame(alice, thread.currentProcess());
            assertFalse(thread.isAttached());
            return null;
        });
        assertEquals(0, bob.handleTable().count());
    }

    @Test
    void nestedAttachesUnwindInReverseOrder() {
        system.inDispatchRoutine(alice, () -> {
            ApcState outer = new ApcState();
            ApcState inner = new ApcState();
            attach(bob, outer);
            attach(system.systemProcess(), inner);
            assertSame(system.systemProcess(), thread.currentProcess());
            detach(inner);
            assertSame(bob, thread.currentProcess());
            assertTrue(thread.isAttached());
            detach(outer);
            assertSame(alice, thread.currentProcess());
            assertFalse(thread.isAttached());
            return null;
        });
    }

    @Test
    void attachingToTheCurrentProcessIsANoOpAndSoIsItsDetach() {
        system.inDispatchRoutine(alice, () -> {
            ApcState state = new ApcState();
            attach(alice, state);
            assertFalse(thread.isAttached());
            detach(state);
            assertSame(alice, thread.currentProcess());
            return null;
        });
        assertFalse(system.kernel().isHalted());
    }

    @Test
    void detachWithoutAttachBugChecks0x06() {
        BugCheck stop = bugCheckOf(() -> system.inDispatchRoutine(alice, () -> {
            detach(new ApcState());
            return null;
        }));
        assertEquals(BugCheckCodes.INVALID_PROCESS_DETACH_ATTEMPT, stop.code());
    }

    @Test
    void detachingOutOfOrderBugChecks0x06() {
        BugCheck stop = bugCheckOf(() -> system.inDispatchRoutine(alice, () -> {
            ApcState outer = new ApcState();
            ApcState inner = new ApcState();
            attach(bob, outer);
            attach(system.systemProcess(), inner);
            detach(outer);
            detach(inner);
            return null;
        }));
        assertEquals(BugCheckCodes.INVALID_PROCESS_DETACH_ATTEMPT, stop.code());
    }

    @Test
    void handlesCreatedWhileAttachedLandInTheAttachedProcess() {
        system.inDispatchRoutine(alice, () -> {
            ApcState state = new ApcState();
            attach(bob, state);
            LongOut handle = new LongOut();
            assertEquals(STATUS_SUCCESS, system.zw().zwCreateEvent(handle, EVENT_ALL, ObjectAttributes.unnamed(0), 0, false));
            detach(state);
            assertEquals(4, handle.value);
            return null;
        });
        assertEquals(1, bob.handleTable().count());
        assertEquals(0, alice.handleTable().count());
    }
}
