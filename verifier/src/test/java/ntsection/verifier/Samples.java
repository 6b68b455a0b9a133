package ntsection.verifier;

import ntsection.vf.Harm;
import ntsection.vf.Rule;
import ntsection.vf.Violation;

import java.util.List;

/** Findings and reports the report tests share. */
final class Samples {
    private Samples() {
    }

    static final StackTraceElement SV6_FRAME = new StackTraceElement("ntsection.drivers.twins.Sv6ValidateTwin",
            "deviceControl", "Sv6ValidateTwin.java", 88);

    /** A double fetch found by PCT: a rule finding with every field set. */
    static Finding doubleFetch() {
        Violation violation = new Violation(Rule.SV6, "the driver read the user-visible length at 0x10008 twice in one request",
                SV6_FRAME, "Process attacker.exe (pid 12)", "Thread 3 of attacker.exe", "Section \\BaseNamedObjects\\Ring", 17);
        return Finding.of(violation, 42, Strategies.PCT, new int[] {0, 0, 1, 1, 0, 1, 0},
                List.of("IOCTL 0x222440 in=8 out=8", "IOCTL 0x222444 in=0 out=4"));
    }

    /** An unguarded access, found by the random walk, with a nested class's frame. */
    static Finding unguarded() {
        Violation violation = new Violation(Rule.SV5, "kernel-mode code read 4 bytes of user memory at 0x10000 outside a guard",
                new StackTraceElement("ntsection.drivers.twins.Sv5GuardedAccessTwin$Ring", "read", "Sv5GuardedAccessTwin.java", 51),
                "Process client.exe (pid 8)", "Thread 2 of client.exe", null, 5);
        return Finding.of(violation, -7, Strategies.RANDOM, new int[] {1, 0, 1}, List.of("IOCTL 0x222400 in=16 out=0"));
    }

    /** An oracle's finding: no rule, no location. */
    static Finding bugCheck() {
        return Finding.of(new Harm(Harm.Kind.BUG_CHECK, "0x3B SYSTEM_SERVICE_EXCEPTION (0xC0000005, 0x10000, 0x0, 0x0)"),
                null, 42, Strategies.PCT, new int[] {0, 1}, List.of());
    }

    static VerificationReport twoFindings() {
        return new VerificationReport("sv6-validate-twin", 1000, 1.25, Strategies.PCT, 42, List.of(doubleFetch(), unguarded()));
    }
}
