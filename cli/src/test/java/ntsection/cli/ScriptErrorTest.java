package ntsection.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Scripts that cannot be run exit 2 naming the file, the line and what is wrong there, and nothing runs. */
class ScriptErrorTest {
    @TempDir
    Path directory;

    private String failsWith(String... lines) {
        String script = Cli.script(directory, "bad.nts", lines);
        Cli.Result result = Cli.run("run", script);
        assertEquals(2, result.exitCode(), result.out() + result.err());
        assertEquals("", result.out(), "nothing runs");
        assertFalse(result.err().contains("\tat "), result.err());
        return result.err().strip();
    }

    @Test
    void unfinishedArgumentListNamesLineAndWhatWasExpected() {
        String error = failsWith("process alice", "", "@alice NtClose(handle=4");
        assertTrue(error.endsWith("bad.nts:3: expected ',' or ')' after the value of handle, found the end of the line"), error);
    }

    @Test
    void lineThatIsNoStep() {
        String error = failsWith("# a comment", "NtClose(handle=4)");
        assertTrue(error.endsWith("bad.nts:2: expected a step (process, exit, driver or @CONTEXT CALL(...)), found 'NtClose'"), error);
    }

    @Test
    void unterminatedString() {
        String error = failsWith("process alice", "@alice NtOpenEvent(name=\"\\BaseNamedObjects\\x)");
        assertTrue(error.contains("bad.nts:2: expected a closing '\"'"), error);
    }

    @Test
    void unknownCall() {
        assertTrue(failsWith("process alice", "@alice NtFrobnicate(handle=4)").endsWith("bad.nts:2: unknown call NtFrobnicate"));
    }

    @Test
    void unknownArgumentListsTheRealOnes() {
        String error = failsWith("process alice", "@alice NtClose(handel=4)");
        assertTrue(error.endsWith("bad.nts:2: NtClose has no argument handel; its arguments are handle"), error);
    }

    @Test
    void unknownStatus() {
        assertTrue(failsWith("process alice", "@alice NtClose(handle=4) -> STATUS_FINE").endsWith("bad.nts:2: unknown status STATUS_FINE after '->'"));
    }

    @Test
    void unknownName() {
        String error = failsWith("process alice", "@alice NtClose(handle=h)");
        assertTrue(error.contains("bad.nts:2: unknown name h"), error);
    }

    @Test
    void unknownProcess() {
        String error = failsWith("@alice NtClose(handle=4)");
        assertTrue(error.endsWith("bad.nts:1: unknown process alice: declare it first with 'process alice'"), error);
    }

    @Test
    void exitedProcessCannotRunSteps() {
        String error = failsWith("process alice", "exit alice", "@alice NtClose(handle=4)");
        assertTrue(error.endsWith("bad.nts:3: process alice exited at line 2"), error);
    }

    @Test
    void kernelRoutineFromUserContext() {
        String error = failsWith("process alice", "@alice ObReferenceObjectByHandle(handle=4, mode=UserMode)");
        assertTrue(error.endsWith("bad.nts:2: ObReferenceObjectByHandle is a kernel routine and @alice runs user-mode code;"
                + " call it from @kernel or @kernel:alice"), error);
    }

    @Test
    void unknownDriver() {
        String error = failsWith("driver shared-viewer");
        assertTrue(error.contains("bad.nts:1: unknown driver shared-viewer: this build's drivers are echo, echo-filter, "
                + "kernel-only, physical-memory-broker, shared-section, shared-view, sv1-kernel-handle"), error);
    }

    @Test
    void dataIsHexBytes() {
        String error = failsWith("process alice", "@alice write(address=0x10000, data=0x0102)");
        assertTrue(error.contains("bad.nts:2: expected bytes as hex digits"), error);
    }

    @Test
    void userContextTakesNoQualifier() {
        String error = failsWith("process alice", "@alice:bob NtClose(handle=4)");
        assertTrue(error.endsWith("kernel mode in alice's thread is written @kernel:alice"), error);
    }

    @Test
    void argumentOfTheWrongKind() {
        String error = failsWith("process alice", "@alice NtClose(handle=\"four\")");
        assertTrue(error.endsWith("bad.nts:2: argument handle of NtClose takes a handle, not a string"), error);
    }

    @Test
    void processNameOnlyWhereAProcessIsMeant() {
        String error = failsWith("process alice", "@alice NtClose(handle=alice)");
        assertTrue(error.endsWith("argument handle of NtClose takes a handle, not a process"), error);
    }

    @Test
    void pidAndProcessAreAlternatives() {
        String error = failsWith("process alice", "@alice NtOpenProcess(access=PROCESS_ALL_ACCESS, pid=8, process=alice)");
        assertTrue(error.endsWith("NtOpenProcess takes only one of pid, process"), error);
    }

    @Test
    void unknownOutputField() {
        String error = failsWith("process alice", "@alice NtClose(handle=4) -> STATUS_SUCCESS handle=4");
        assertTrue(error.endsWith("NtClose has no output handle; it has no outputs"), error);
    }

    @Test
    void bindingACallWithoutOutputs() {
        assertTrue(failsWith("process alice", "@alice h = NtClose(handle=4)").endsWith("NtClose has no output to bind to h"));
    }

    @Test
    void bindingAConstantName() {
        String error = failsWith("process alice", "@alice PAGE = NtCreateEvent()", "@alice OBJ_INHERIT = NtCreateEvent()");
        assertTrue(error.endsWith("bad.nts:3: OBJ_INHERIT cannot be a bound name: it is already an NT constant"), error);
    }

    @Test
    void errorInAnyFileStopsTheWholeRun() {
        String good = Cli.script(directory, "good.nts", "process alice");
        String bad = Cli.script(directory, "bad.nts", "process");
        Cli.Result result = Cli.run("run", good, bad);
        assertEquals(2, result.exitCode());
        assertEquals("", result.out());
        assertTrue(result.err().contains("bad.nts:1: expected a process name after 'process'"), result.err());
    }
}
