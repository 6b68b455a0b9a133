package ntsection.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a terminal shows while `ntsection verify` explores: one line, redrawn, then cleared. */
class TerminalProgressTest {
    @Test
    void showsSchedulesFindingsAndTimeOnOneLineAndClearsItAtTheEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgress progress = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), "sv5-guarded-access");
        progress.explored(1, 200, 0, 0.01);
        progress.explored(200, 200, 2, 1.5);
        progress.shrinking(2);
        progress.done();
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("\rverifying sv5-guarded-access: 1/200 schedules, 0 findings, 0.0 s"), shown);
        assertTrue(shown.contains("200/200 schedules, 2 findings, 1.5 s"), shown);
        assertTrue(shown.contains("shrinking 2 findings"), shown);
        assertTrue(!shown.contains("\n") && shown.endsWith("\r"), "no new line, ends at the start of a cleared line");
    }
}
