package ntsection.script;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The shape of lines: comments, line numbers, strings, data, contexts and outcomes. */
class ParserTest {
    private static List<Step> parse(String source) throws ScriptError {
        return Parser.parse("t.nts", source);
    }

    @Test
    void commentsAndBlankLinesKeepLineNumbers() throws ScriptError {
        List<Step> steps = parse("# header\n\nprocess alice   # the victim\r\nprocess admin trusted\n");
        assertEquals(2, steps.size());
        Step.CreateProcess alice = (Step.CreateProcess) steps.get(0);
        assertEquals(3, alice.line());
        assertEquals("process alice", alice.text());
        assertFalse(alice.trusted());
        assertTrue(((Step.CreateProcess) steps.get(1)).trusted());
    }

    @Test
    void stringsTakeBackslashesLiterally() throws ScriptError {
        Step.Invoke step = (Step.Invoke) parse("@kernel k = ZwOpenEvent(name=\"\\Device\\PhysicalMemory\\n\", attributes=OBJ_KERNEL_HANDLE|OBJ_CASE_INSENSITIVE)").getFirst();
        assertEquals(new Expr.Text("\\Device\\PhysicalMemory\\n"), step.arguments().get("name"));
        assertEquals(new Expr.Flags(List.of(new Expr.Name("OBJ_KERNEL_HANDLE", null, 0), new Expr.Name("OBJ_CASE_INSENSITIVE", null, 0))),
                step.arguments().get("attributes"));
        assertEquals("k", step.binding());
        assertEquals("ZwOpenEvent", step.call());
    }

    @Test
    void namesWithFieldsAndOffsets() throws ScriptError {
        Step.Invoke step = (Step.Invoke) parse("@alice read(address=v.base+0x1000, length=4) -> STATUS_SUCCESS data=0A0b").getFirst();
        assertEquals(new Expr.Name("v", "base", 0x1000), step.arguments().get("address"));
        Expectation.Status status = (Expectation.Status) step.expectation();
        assertArrayEquals(new byte[] {0x0A, 0x0B}, ((Expr.Data) status.fields().getFirst().value()).bytes());
        assertEquals("@alice read(address=v.base+0x1000, length=4)", step.text());
    }

    @Test
    void contexts() throws ScriptError {
        List<Step> steps = parse("@alice f()\n@kernel f()\n@kernel:alice f()\n@guarded:alice f()\n@guarded:kernel f()");
        List<String> shown = steps.stream().map(s -> ((Step.Invoke) s).context().shown()).toList();
        assertEquals(List.of("@alice", "@kernel", "@kernel:alice", "@guarded:alice", "@guarded:kernel"), shown);
    }

    @Test
    void bugCheckExpectations() throws ScriptError {
        List<Step> steps = parse("@kernel f() -> bugcheck\n@kernel f() -> bugcheck 0x50\n@kernel f() -> bugcheck INVALID_KERNEL_HANDLE");
        assertEquals(new Expectation.BugCheck(null), ((Step.Invoke) steps.get(0)).expectation());
        assertEquals(new Expectation.BugCheck(0x50L), ((Step.Invoke) steps.get(1)).expectation());
        assertEquals(new Expectation.BugCheck(0x93L), ((Step.Invoke) steps.get(2)).expectation());
    }

    @Test
    void driverNamesMayHaveHyphens() throws ScriptError {
        assertEquals("shared-view", ((Step.LoadDriver) parse("driver shared-view").getFirst()).name());
    }

    @Test
    void hugeNumberIsAnErrorWithItsLine() {
        ScriptError error = assertThrows(ScriptError.class, () -> parse("\n@alice NtClose(handle=0x1FFFFFFFFFFFFFFFF)"));
        assertEquals(2, error.line());
        assertEquals("t.nts:2: expected a decimal or 0x hex number that fits in 64 bits, found '0x1FFFFFFFFFFFFFFFF'", error.describe());
    }

    @Test
    void missingCallAfterBinding() {
        ScriptError error = assertThrows(ScriptError.class, () -> parse("@alice h = (x=1)"));
        assertEquals("t.nts:1: expected a call after 'h =', found '('", error.describe());
    }

    @Test
    void oddHexDigitsAreNotData() {
        ScriptError error = assertThrows(ScriptError.class, () -> parse("@alice write(address=1, data=123)"));
        assertTrue(error.getMessage().startsWith("expected bytes as hex digits"), error.getMessage());
    }
}
