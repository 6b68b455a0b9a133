package ntsection.verifier;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextReportTest {

    @Test
    void oneBlockPerFindingWithEverythingAPersonNeeds() {
        String text = TextReport.render(Samples.twoFindings());
        assertEquals("""
                ntsection verify: sv6-validate-twin
                pct, seed 42: 1000 schedules in 1.25 s
                2 findings (SV6 x1, SV5 x1)

                [1] SV6 validate: the driver read the user-visible length at 0x10008 twice in one request
                    rule:      The driver validates what it reads from a shared view and fetches each value once.
                    at:        ntsection.drivers.twins.Sv6ValidateTwin.deviceControl(Sv6ValidateTwin.java:88)
                    process:   Process attacker.exe (pid 12)
                    thread:    Thread 3 of attacker.exe
                    object:    Section \\BaseNamedObjects\\Ring
                    step:      17
                    calls:     IOCTL 0x222440 in=8 out=8
                               IOCTL 0x222444 in=0 out=4
                    found by:  pct, seed 42
                    schedule:  7 choices: 0 0 1 1 0 1 0
                    replay:    ntsection replay FILE   (FILE: this finding saved as a finding file)

                [2] SV5 guarded-access: kernel-mode code read 4 bytes of user memory at 0x10000 outside a guard
                    rule:      Every driver access to a view user mode can see is inside try/except.
                    at:        ntsection.drivers.twins.Sv5GuardedAccessTwin$Ring.read(Sv5GuardedAccessTwin.java:51)
                    process:   Process client.exe (pid 8)
                    thread:    Thread 2 of client.exe
                    step:      5
                    calls:     IOCTL 0x222400 in=16 out=0
                    found by:  random, seed -7
                    schedule:  3 choices: 1 0 1
                    replay:    ntsection replay FILE   (FILE: this finding saved as a finding file)
                """, text);
    }

    @Test
    void savedFindingsNameTheirFileAndOraclesTheirHarm() {
        Finding bugCheck = Samples.bugCheck();
        VerificationReport report = new VerificationReport("sv5-guarded-access-twin", 1, 0.5, Strategies.PCT, 42,
                List.of(bugCheck));
        String text = TextReport.render(report, Map.of(bugCheck, Path.of("findings", "finding-01-ORACLE-bug-check.json")));
        assertTrue(text.contains("1 schedule in 0.50 s"), text);
        assertTrue(text.contains("[1] ORACLE-bug-check bug-check: 0x3B SYSTEM_SERVICE_EXCEPTION"), text);
        assertTrue(text.contains("    oracle:    The system never bug-checks.\n"), text);
        assertTrue(text.contains("    at:        (no driver frame)\n"), text);
        assertTrue(text.contains("    replay:    ntsection replay " + Path.of("findings", "finding-01-ORACLE-bug-check.json")), text);
    }

    @Test
    void longSchedulesAreShortenedAndLineBreaksShown() {
        Finding finding = Samples.doubleFetch().withSchedule(new int[100]);
        Finding multiline = new Finding(finding.rule(), "secret leaked", "line one\nline two", null, null, null, null, -1, 0,
                Strategies.REPLAY, List.of(), List.of());
        String text = TextReport.render(new VerificationReport("d", 2, 0, Strategies.PCT, 1, List.of(finding, multiline)));
        assertTrue(text.contains("100 choices: " + String.join(" ", Collections.nCopies(40, "0")) + " ... (60 more)\n"), text);
        assertTrue(text.contains("SV6 validate: line one\\nline two\n    rule:"), text);
        assertTrue(text.contains("    harm:      secret leaked\n"), text);
        assertTrue(text.contains("    schedule:  0 choices\n"), text);
    }

    @Test
    void aCleanReportSaysSo() {
        assertEquals("""
                ntsection verify: kernel-only
                exhaustive, seed 0: 35 schedules in 0.12 s
                no findings: every rule held and no oracle saw harm
                """, TextReport.render(new VerificationReport("kernel-only", 35, 0.123, Strategies.EXHAUSTIVE, 0, List.of())));
    }
}
