package ntsection.ob;

import ntsection.Executive;
import ntsection.ex.Event;
import ntsection.ke.BugCheck;
import ntsection.ke.BugCheckError;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ps.Process;
import ntsection.testing.Systems;

import java.util.function.Supplier;

import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.*;

/**
 * What the object manager tests share: a booted executive with two untrusted user
 * processes, and the ReactOS kmtest way of checking counts, through NtQueryObject,
 * whose reported pointer count includes the query's own reference.
 */
abstract class ObTestBase {
    protected final Executive system = Systems.boot();
    protected final Process alice = system.createProcess("alice", false);
    protected final Process bob = system.createProcess("bob", false);

    protected static final int EVENT_ALL = Event.EVENT_ALL_ACCESS;

    /** NtCreateEvent from the process's user-mode code, which must succeed. */
    protected long userEvent(Process process, String name, int attributes) {
        LongOut handle = new LongOut();
        assertEquals(STATUS_SUCCESS, createUserEvent(process, name, attributes, EVENT_ALL, handle));
        return handle.value;
    }

    protected NtStatus createUserEvent(Process process, String name, int attributes, int access, LongOut handle) {
        return system.inUserMode(process, () -> system.nt().ntCreateEvent(handle, access,
                new ObjectAttributes(name, 0, attributes), Event.NotificationEvent, false));
    }

    /** ZwCreateEvent from a system worker thread, which must succeed. */
    protected long kernelEvent(String name, int attributes) {
        LongOut handle = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inSystemThread(() -> system.zw().zwCreateEvent(handle, EVENT_ALL,
                new ObjectAttributes(name, 0, attributes), Event.NotificationEvent, false)));
        return handle.value;
    }

    protected NtStatus openUserEvent(Process process, String name, int attributes, int access, LongOut handle) {
        return system.inUserMode(process, () -> system.nt().ntOpenEvent(handle, access, new ObjectAttributes(name, 0, attributes)));
    }

    protected NtStatus userClose(Process process, long handle) {
        return system.inUserMode(process, () -> system.nt().ntClose(handle));
    }

    protected NtStatus kernelClose(long handle) {
        return system.inSystemThread(() -> system.zw().zwClose(handle));
    }

    /** Asserts what NtQueryObject reports from the process's user mode: pointer count (with the query's own) and handle count. */
    protected void assertCounts(Process process, long handle, int reportedPointers, int handles) {
        Out<ObjectBasicInformation> info = new Out<>();
        assertEquals(STATUS_SUCCESS, system.inUserMode(process, () -> system.nt().ntQueryObject(handle, info)));
        assertEquals(reportedPointers, info.value.pointerCount(), "reported pointer count");
        assertEquals(handles, info.value.handleCount(), "handle count");
    }

    /** Asserts what ZwQueryObject reports for a kernel handle, queried from a system thread. */
    protected void assertKernelCounts(long handle, int reportedPointers, int handles) {
        Out<ObjectBasicInformation> info = new Out<>();
        assertEquals(STATUS_SUCCESS, system.inSystemThread(() -> system.zw().zwQueryObject(handle, info)));
        assertEquals(reportedPointers, info.value.pointerCount(), "reported pointer count");
        assertEquals(handles, info.value.handleCount(), "handle count");
    }

    /** Asserts an object's true counts, for objects no handle reaches any more. */
    protected static void assertActual(KernelObject object, int pointers, int handles) {
        assertEquals(pointers, object.pointerCount(), "pointer count");
        assertEquals(handles, object.handleCount(), "handle count");
    }

    /** The object behind a handle of the process, found the way Ob finds it (no reference taken). */
    protected KernelObject objectOf(Process process, long handle) {
        HandleEntry entry = system.ob().entries().locate(handle, Handles.hasKernelBit(handle), process).entry();
        assertNotNull(entry, "handle " + Handles.format(handle) + " is live");
        return entry.object();
    }

    protected HandleEntry entryOf(Process process, long handle) {
        return process.handleTable().lookup(handle);
    }

    /** Runs kernel code that must bug-check, and returns the recorded stop. */
    protected BugCheck bugCheckOf(Supplier<?> body) {
        BugCheckError error = assertThrows(BugCheckError.class, body::get);
        assertSame(error.bugCheck(), system.kernel().bugCheck());
        return error.bugCheck();
    }

    /**
     * A handle to {@code target} in {@code opener}'s table, opened by kernel code in the
     * opener's context: process objects refuse other users' user-mode opens
     * (ProcessSecurityTest), and these tests are about handles, not that policy.
     */
    protected long openProcess(Process opener, Process target, int access) {
        LongOut handle = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inDispatchRoutine(opener,
                () -> system.zw().zwOpenProcess(handle, access, ObjectAttributes.unnamed(0), target.id())));
        return handle.value;
    }
}
