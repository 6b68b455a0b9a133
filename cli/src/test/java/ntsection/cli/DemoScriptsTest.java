package ntsection.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo's scenarios written as scripts (demo/): the unmap-view attack, failed by the reference, fatal to the SV5 twin. */
class DemoScriptsTest {
    @Test
    void unmapViewFailsTheRequestOnTheReferenceAndBugChecksTheSv5Twin() {
        Cli.Result result = Cli.run("run", "../demo");
        assertEquals(0, result.exitCode(), () -> result.out() + result.err());
        assertTrue(result.out().contains("-> STATUS_ACCESS_VIOLATION"), result.out());
        assertTrue(result.out().contains("-> bugcheck 0x0000003B SYSTEM_SERVICE_EXCEPTION"), result.out());
    }
}
