package ntsection.cli;

import ntsection.Executive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


import static org.junit.jupiter.api.Assertions.*;

/** Running scripts: outcomes printed, expectations checked, bug-checks, process arguments, names. */
class RunScriptTest extends ScriptTest {
    @ParameterizedTest
    @ValueSource(strings = {"kernel-handles.nts", "user-handles.nts", "invalid-kernel-close.nts"})
    void examplesPass(String example) {
        assertPasses(Cli.run("run", Cli.example(example)));
    }

    @Test
    void everyStepIsPrintedWithItsActualOutcome() {
        Cli.Result result = run(
                "process alice",
                "@alice e = NtCreateEvent(access=EVENT_ALL_ACCESS, name=\"\\BaseNamedObjects\\ping\") -> STATUS_SUCCESS handle=0x4",
                "@alice NtQueryObject(handle=e)");
        assertPasses(result);
        assertTrue(result.out().contains("ok      2  @alice e = NtCreateEvent(access=EVENT_ALL_ACCESS, name=\"\\BaseNamedObjects\\ping\")"
                + " -> STATUS_SUCCESS handle=0x4\n"), result.out());
        assertTrue(result.out().contains("@alice NtQueryObject(handle=e) -> STATUS_SUCCESS handles=1 pointers=3 access=0x1F0003 attributes=0x0"),
                result.out());
        assertEquals("3 passed, 0 failed", result.lastLine());
    }

    @Test
    void wrongStatusNamesTheLineAndBothOutcomes() {
        Cli.Result result = run(
                "process alice",
                "@alice e = NtCreateEvent(access=EVENT_ALL_ACCESS)",
                "@alice NtClose(handle=e) -> STATUS_INVALID_HANDLE");
        assertEquals(1, result.exitCode());
        assertTrue(result.out().contains("FAIL    3  @alice NtClose(handle=e) -> STATUS_SUCCESS"), result.out());
        assertTrue(result.out().contains("line 3: expected STATUS_INVALID_HANDLE, actual STATUS_SUCCESS"), result.out());
        assertEquals("2 passed, 1 failed", result.lastLine());
    }

    @Test
    void wrongOutputNamesBothValues() {
        Cli.Result result = run(
                "process alice",
                "@alice e = NtCreateEvent(access=EVENT_ALL_ACCESS)",
                "@alice NtQueryObject(handle=e) -> STATUS_SUCCESS handles=2 access=EVENT_ALL_ACCESS");
        assertEquals(1, result.exitCode());
        assertTrue(result.out().contains("line 3: expected STATUS_SUCCESS handles=2 access=0x1F0003, actual STATUS_SUCCESS handles=1 access=0x1F0003"),
                result.out());
    }

    @Test
    void noArrowExpectsSuccess() {
        Cli.Result result = run("process alice", "@alice NtClose(handle=0x40)");
        assertEquals(1, result.exitCode());
        assertTrue(result.out().contains("line 2: expected a success status, actual STATUS_INVALID_HANDLE"), result.out());
    }

    @Test
    void informationalStatusIsASuccess() {
        assertPasses(run(
                "process alice",
                "@alice NtCreateEvent(access=EVENT_ALL_ACCESS, name=\"\\BaseNamedObjects\\x\", attributes=OBJ_OPENIF) -> STATUS_SUCCESS",
                "@alice NtCreateEvent(access=EVENT_ALL_ACCESS, name=\"\\BaseNamedObjects\\x\", attributes=OBJ_OPENIF)",
                "@alice NtCreateEvent(access=EVENT_ALL_ACCESS, name=\"\\BaseNamedObjects\\x\", attributes=OBJ_OPENIF) -> STATUS_OBJECT_NAME_EXISTS handle=0xC"));
    }

    @Test
    void invalidKernelCloseBugChecksWithInvalidKernelHandle() {
        Cli.Result result = run("@kernel ZwClose(handle=0x1234) -> bugcheck 0x93");
        assertPasses(result);
        assertTrue(result.out().contains("-> bugcheck 0x00000093 INVALID_KERNEL_HANDLE (0x1234, 0x1, 0x0, 0x0)"), result.out());
    }

    @Test
    void bugCheckCodeByName() {
        assertPasses(run("@kernel ZwClose(handle=0x1234) -> bugcheck INVALID_KERNEL_HANDLE"));
    }

    @Test
    void unexpectedBugCheckFailsShowingCodeNameAndParameters() {
        Cli.Result result = run("process alice", "@kernel:alice ZwClose(handle=0x1234) -> STATUS_INVALID_HANDLE");
        assertEquals(1, result.exitCode());
        assertTrue(result.out().contains("line 2: expected STATUS_INVALID_HANDLE, actual bugcheck 0x00000093 INVALID_KERNEL_HANDLE (0x1234, 0x1, 0x0, 0x0)"),
                result.out());
    }

    @Test
    void wrongBugCheckCodeIsAMismatch() {
        Cli.Result result = run("@kernel ZwClose(handle=0x1234) -> bugcheck 0x50");
        assertEquals(1, result.exitCode());
        assertTrue(result.out().contains("line 1: expected bugcheck 0x00000050 PAGE_FAULT_IN_NONPAGED_AREA, actual bugcheck 0x00000093"),
                result.out());
    }

    @Test
    void stepsAfterABugCheckAreNotRunAndFail() {
        Cli.Result result = run(
                "process alice",
                "@kernel ZwClose(handle=0x1234) -> bugcheck",
                "@alice NtClose(handle=4) -> STATUS_INVALID_HANDLE",
                "process bob");
        assertEquals(1, result.exitCode());
        assertTrue(result.out().contains("FAIL    3  @alice NtClose(handle=4) -> not run: the system bug-checked at line 2"), result.out());
        assertTrue(result.out().contains("FAIL    4  process bob -> not run: the system bug-checked at line 2"), result.out());
        assertEquals("2 passed, 2 failed", result.lastLine());
    }

    @Test
    void invalidKernelCloseCanBeConfiguredAway() {
        // ZwClose returns a status instead when the executive is booted that way.
        String script = Cli.script(directory, "t.nts", "@kernel ZwClose(handle=0x1234) -> STATUS_INVALID_HANDLE");
        Cli.Result result = Cli.run(() -> ntsection.testing.Systems.boot(
                ntsection.ExecutiveConfig.defaults().withBugCheckOnInvalidKernelClose(false)), "run", script);
        assertPasses(result);
    }

    @Test
    void processArgumentFromAKernelContextIsAKernelHandleOpenedOnce() {
        Cli.Result result = run(
                "process alice",
                "process bob",
                "@alice e = NtCreateEvent(access=EVENT_ALL_ACCESS) -> STATUS_SUCCESS handle=0x4",
                "@kernel ZwDuplicateObject(sourceprocess=alice, source=e, targetprocess=bob, options=DUPLICATE_SAME_ACCESS) -> STATUS_SUCCESS handle=0x4",
                "@kernel:alice ZwDuplicateObject(sourceprocess=alice, source=e, targetprocess=bob, options=DUPLICATE_SAME_ACCESS) -> STATUS_SUCCESS handle=0x8",
                "@bob NtQueryObject(handle=0x8) -> STATUS_SUCCESS handles=3",
                "@alice NtCreateEvent(access=EVENT_ALL_ACCESS) -> STATUS_SUCCESS handle=0x8");
        assertPasses(result);
        assertTrue(result.out().contains("process=alice is handle 0xFFFFFFFF80000004 (a kernel handle)"), result.out());
        assertTrue(result.out().contains("process=bob is handle 0xFFFFFFFF80000008 (a kernel handle)"), result.out());
        assertEquals(1, result.out().split("process=bob is handle", -1).length - 1, "opened once, reused");
    }

    @Test
    void processArgumentFromAUserContextLandsInItsOwnTable() {
        Cli.Result result = run(
                "process alice",
                "process bob",
                "@alice e = NtCreateEvent(access=EVENT_ALL_ACCESS) -> STATUS_SUCCESS handle=0x4",
                "@alice NtDuplicateObject(source=e, targetprocess=bob, options=DUPLICATE_SAME_ACCESS) -> STATUS_SUCCESS handle=0x4",
                "@alice NtQueryObject(handle=0x8) -> STATUS_SUCCESS access=PROCESS_ALL_ACCESS");
        assertPasses(result);
        assertTrue(result.out().contains("process=bob is handle 0x8 in alice's table"), result.out());
    }

    @Test
    void processArgumentToAnExitedProcess() {
        assertPasses(run(
                "process alice trusted",
                "process bob",
                "@alice p = NtOpenProcess(access=PROCESS_QUERY_INFORMATION, process=bob)",
                "exit bob",
                // the handle keeps the exited process's object, so a new handle can still be opened to it
                "@kernel ZwDuplicateObject(sourceprocess=alice, source=p, targetprocess=NtCurrentProcess, options=DUPLICATE_SAME_ACCESS, attributes=OBJ_KERNEL_HANDLE)",
                "@alice NtClose(handle=p)"));
    }

    @Test
    void openProcessByNameOrPid() {
        assertPasses(run(
                "process alice",
                "process admin trusted",
                "process bob",
                // another user's process opens for administrators only, the System process for nobody in user mode
                "@admin NtOpenProcess(access=PROCESS_DUP_HANDLE, process=bob) -> STATUS_SUCCESS handle=0x4",
                "@alice NtOpenProcess(access=PROCESS_DUP_HANDLE, process=bob) -> STATUS_ACCESS_DENIED",
                "@admin NtOpenProcess(access=PROCESS_DUP_HANDLE, pid=4) -> STATUS_ACCESS_DENIED",
                "@alice NtOpenProcess(access=PROCESS_QUERY_INFORMATION, process=alice) -> STATUS_SUCCESS handle=0x4",
                "@alice NtOpenProcess(access=PROCESS_DUP_HANDLE, pid=3) -> STATUS_INVALID_PARAMETER"));
    }

    @Test
    void tagBitsNameTheSameHandle() {
        assertPasses(run(
                "process alice",
                "@alice h = NtCreateEvent(access=EVENT_ALL_ACCESS) -> STATUS_SUCCESS handle=0x4",
                "@alice NtQueryObject(handle=h+1) -> STATUS_SUCCESS handles=1",
                "@alice NtClose(handle=h+3) -> STATUS_SUCCESS",
                "@alice NtClose(handle=h) -> STATUS_INVALID_HANDLE"));
    }

    @Test
    void fieldsOfABoundStepAreReadAsNameDotField() {
        assertPasses(run(
                "process alice",
                "@alice h = NtCreateEvent(access=EVENT_QUERY_STATE|EVENT_MODIFY_STATE)",
                "@alice q = NtQueryObject(handle=h) -> STATUS_SUCCESS handles=1",
                "@alice d = NtDuplicateObject(source=h, targetprocess=NtCurrentProcess, access=q.access)",
                "@alice NtQueryObject(handle=d) -> STATUS_SUCCESS handles=2 access=q.access"));
    }

    @Test
    void objectReferencesFromKernelRoutines() {
        assertPasses(run(
                "process alice",
                "@alice h = NtCreateEvent(access=EVENT_ALL_ACCESS)",
                "@kernel:alice o = ObReferenceObjectByHandle(handle=h, type=ExEventObjectType, mode=UserMode)",
                "@kernel k = ObOpenObjectByPointer(object=o, attributes=OBJ_KERNEL_HANDLE, access=EVENT_ALL_ACCESS, type=ExEventObjectType, mode=KernelMode) -> STATUS_SUCCESS handle=0xFFFFFFFF80000004",
                "@kernel:alice ObReferenceObjectByHandle(handle=k, mode=KernelMode) -> STATUS_SUCCESS object=o",
                "@kernel:alice ObReferenceObjectByHandle(handle=k, mode=UserMode) -> STATUS_INVALID_HANDLE",
                "@kernel ObDereferenceObject(object=o)",
                "@kernel ZwClose(handle=k)"));
    }

    @Test
    void aStepWhoseObjectWasNeverProducedIsNotRun() {
        Cli.Result result = run(
                "process alice",
                "@kernel:alice o = ObReferenceObjectByHandle(handle=0x40, mode=UserMode) -> STATUS_INVALID_HANDLE",
                "@kernel ObDereferenceObject(object=o)");
        assertEquals(1, result.exitCode());
        assertTrue(result.out().contains("not run: o holds no object: the step at line 2 did not produce one"), result.out());
    }

    @Test
    void directoriesAndNames() {
        assertPasses(run(
                "process alice",
                "process bob",
                "@alice d = NtCreateDirectoryObject(access=DIRECTORY_ALL_ACCESS, name=\"\\BaseNamedObjects\\App\")",
                "@alice NtCreateEvent(access=EVENT_ALL_ACCESS, root=d, name=\"ready\")",
                "@bob NtOpenEvent(access=EVENT_QUERY_STATE, name=\"\\BaseNamedObjects\\App\\ready\")",
                "@bob NtOpenEvent(access=EVENT_QUERY_STATE, name=\"\\BaseNamedObjects\\app\\READY\", attributes=OBJ_CASE_INSENSITIVE) -> STATUS_SUCCESS",
                "@bob NtOpenEvent(access=EVENT_QUERY_STATE, name=\"\\BaseNamedObjects\\App\\READY\") -> STATUS_OBJECT_NAME_NOT_FOUND",
                "@bob NtOpenDirectoryObject(access=DIRECTORY_QUERY, name=\"\\BaseNamedObjects\\App\")",
                "@alice NtMakePermanentObject(handle=d) -> STATUS_PRIVILEGE_NOT_HELD"));
    }

    @Test
    void severalFilesRunAgainstFreshExecutivesWithATotal() {
        String first = Cli.script(directory, "first.nts", "process alice", "@alice NtCreateEvent(access=EVENT_ALL_ACCESS) -> STATUS_SUCCESS handle=0x4");
        String second = Cli.script(directory, "second.nts", "process alice", "@alice NtCreateEvent(access=EVENT_ALL_ACCESS) -> STATUS_SUCCESS handle=0x8");
        Cli.Result result = Cli.run("run", first, second, first);
        assertEquals(1, result.exitCode());
        assertTrue(result.out().contains("first.nts: 2 passed, 0 failed"), result.out());
        assertTrue(result.out().contains("second.nts: 1 passed, 1 failed"), result.out());
        assertEquals("5 passed, 1 failed", result.lastLine());
    }

    @Test
    void brokenInvariantIsAFailure() {
        // One dereference too many on a named object: the count stays above zero, so no
        // bug-check, but below the handle and the name it must cover. Booted without the
        // test harness, whose own invariant check would fail this test for the same reason.
        Cli.Result result = Cli.run(Executive::boot, "run", Cli.script(directory, "t.nts",
                "process alice",
                "@alice h = NtCreateEvent(access=EVENT_ALL_ACCESS, name=\"\\BaseNamedObjects\\x\")",
                "@kernel:alice o = ObReferenceObjectByHandle(handle=h, mode=UserMode)",
                "@kernel:alice ObDereferenceObject(object=o)",
                "@kernel:alice ObDereferenceObject(object=o)"));
        assertEquals(1, result.exitCode());
        assertTrue(result.out().contains("FAIL        invariant broken: Event \\BaseNamedObjects\\x has pointer count 1, below the 2"), result.out());
        assertEquals("5 passed, 1 failed", result.lastLine());
    }
}
