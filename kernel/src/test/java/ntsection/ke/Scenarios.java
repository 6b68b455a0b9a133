package ntsection.ke;

import ntsection.Executive;
import ntsection.ExecutiveConfig;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.ob.ObjectAttributes;
import ntsection.ps.Process;

import static ntsection.mm.PageProtection.MEM_COMMIT;
import static ntsection.mm.PageProtection.MEM_RESERVE;
import static ntsection.mm.PageProtection.PAGE_READWRITE;
import static ntsection.ob.Handles.NtCurrentProcess;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Small scenarios the scheduler tests run under many schedules. Each boots its own
 * small system (64 frames) and frees its memory when the run is over, since a search
 * boots thousands.
 */
final class Scenarios {
    private Scenarios() {
    }

    /** A booted system with one process and a committed page of its memory: where its threads race. */
    record Shared(Executive system, Process process, long page) {
    }

    static Shared shared() {
        Executive system = Executive.boot(ExecutiveConfig.defaults().withPhysicalPages(64));
        Process process = system.createProcess("racer.exe", false);
        LongOut base = new LongOut();
        NtStatus status = system.inUserMode(process, () -> system.nt().ntAllocateVirtualMemory(NtCurrentProcess, base, 0,
                new LongOut(4096), MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE));
        assertEquals(NtStatus.STATUS_SUCCESS, status);
        return new Shared(system, process, base.value);
    }

    /**
     * Two threads each add 1 to a counter {@code rounds} times with a plain read and
     * write, and create an event each round, so that handle values and the final count
     * depend on the interleaving.
     */
    static RunResult lostUpdates(Strategy strategy, int rounds) {
        Shared shared = shared();
        Executive system = shared.system();
        Scheduler scheduler = system.useControlledScheduler(strategy);
        for (int t = 0; t < 2; t++) {
            system.startThread(shared.process(), context -> {
                for (int i = 0; i < rounds; i++) {
                    int value = context.readInt(shared.page());
                    context.nt().ntCreateEvent(new LongOut(), 0x1F0003, ObjectAttributes.unnamed(0), 0, false);
                    context.writeInt(shared.page(), value + 1);
                }
            });
        }
        RunResult result = scheduler.run();
        system.mm().physicalMemory().close();
        return result;
    }

    /**
     * A double fetch: the victim checks a value and then uses it; the attacker, after a
     * long stretch of other work, changes it. The race shows only when the whole of the
     * attacker's work falls between the check and the use: one schedule in 2^31 for a
     * fair coin, but a single priority change for PCT. Returns whether the use saw
     * another value than the check.
     */
    static boolean doubleFetch(Strategy strategy, int attackerWork) {
        Shared shared = shared();
        Executive system = shared.system();
        long value = shared.page();
        long scratch = shared.page() + 64;
        Scheduler scheduler = system.useControlledScheduler(strategy);
        boolean[] raced = new boolean[1];
        system.startThread(shared.process(), victim -> {
            int checked = victim.readInt(value);
            int used = victim.readInt(value);
            raced[0] = checked != used;
        });
        system.startThread(shared.process(), attacker -> {
            for (int i = 0; i < attackerWork; i++) attacker.writeInt(scratch, i);
            attacker.writeInt(value, 1);
        });
        RunResult result = scheduler.run();
        system.mm().physicalMemory().close();
        assertEquals(RunResult.Outcome.COMPLETED, result.outcome(), result::describe);
        return raced[0];
    }
}
