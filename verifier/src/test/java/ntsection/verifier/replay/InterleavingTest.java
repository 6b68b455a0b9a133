package ntsection.verifier.replay;

import ntsection.Executive;
import ntsection.ExecutiveConfig;
import ntsection.ex.Event;
import ntsection.ke.RandomWalk;
import ntsection.ke.Replay;
import ntsection.ke.RunResult;
import ntsection.ke.Scheduler;
import ntsection.ke.Strategy;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.ob.ObjectAttributes;
import ntsection.ps.Process;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static ntsection.mm.PageProtection.MEM_COMMIT;
import static ntsection.mm.PageProtection.MEM_RESERVE;
import static ntsection.mm.PageProtection.PAGE_READWRITE;
import static ntsection.ob.Handles.NtCurrentProcess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A replay told step by step says the same thing every time, in the terms of the code that ran. */
class InterleavingTest {
    private static final String GO = "\\BaseNamedObjects\\Go";

    private record Told(RunResult result, List<Interleaving.Step> steps) {
    }

    /**
     * victim.exe waits for the named event Go and then reads its page; attacker.exe
     * writes its own page, creates an event, opens Go and sets it.
     */
    private static Told tell(Strategy strategy) {
        Executive system = Executive.boot(ExecutiveConfig.defaults().withPhysicalPages(64));
        Process victim = system.createProcess("victim.exe", false);
        Process attacker = system.createProcess("attacker.exe", false);
        long victimPage = page(system, victim);
        long attackerPage = page(system, attacker);
        LongOut go = new LongOut();
        assertEquals(NtStatus.STATUS_SUCCESS, system.inUserMode(victim, () -> system.nt().ntCreateEvent(go,
                Event.EVENT_ALL_ACCESS, ObjectAttributes.named(GO, 0), Event.NotificationEvent, false)));
        Scheduler scheduler = system.useControlledScheduler(strategy);
        Interleaving interleaving = new Interleaving(system.ob());
        scheduler.trace(interleaving);
        system.startThread(victim, context -> {
            context.waitFor(go.value);
            context.readInt(victimPage);
        });
        system.startThread(attacker, context -> {
            context.writeInt(attackerPage, 1);
            context.nt().ntCreateEvent(new LongOut(), Event.EVENT_ALL_ACCESS, ObjectAttributes.unnamed(0),
                    Event.NotificationEvent, false);
            LongOut opened = new LongOut();
            context.nt().ntOpenEvent(opened, Event.EVENT_ALL_ACCESS, ObjectAttributes.named(GO, 0));
            context.nt().ntSetEvent(opened.value, null);
        });
        RunResult result = scheduler.run();
        system.mm().physicalMemory().close();
        assertEquals(RunResult.Outcome.COMPLETED, result.outcome(), result::describe);
        return new Told(result, interleaving.steps());
    }

    private static long page(Executive system, Process process) {
        LongOut base = new LongOut();
        assertEquals(NtStatus.STATUS_SUCCESS, system.inUserMode(process, () -> system.nt().ntAllocateVirtualMemory(
                NtCurrentProcess, base, 0, new LongOut(4096), MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE)));
        return base.value;
    }

    private static List<String> lines(Told told, Map<Integer, String> notes) {
        return InterleavingText.lines(told.steps(), notes);
    }

    @Test
    void aReplayTellsTheRecordedRunTheSameWayEveryTime() {
        for (long seed = 0; seed < 5; seed++) {
            Told recorded = tell(new RandomWalk(seed));
            Told first = tell(new Replay(recorded.result().schedule()));
            Told second = tell(new Replay(recorded.result().schedule()));
            assertEquals(recorded.result().steps(), first.steps().size());
            assertEquals(lines(recorded, Map.of()), lines(first, Map.of()), "seed " + seed);
            assertEquals(lines(first, Map.of()), lines(second, Map.of()), "seed " + seed);
        }
    }

    @Test
    void linesNameTheServicesTheirStatusesTheObjectsAndTheProgramsCode() {
        String text = String.join("\n", lines(tell(new RandomWalk(1)), Map.of()));
        String program = "at InterleavingTest.tell(InterleavingTest.java:";
        assertTrue(text.contains("attacker.exe T"), text);
        assertTrue(text.contains("NtCreateEvent enters") && text.contains("NtCreateEvent returns STATUS_SUCCESS"), text);
        assertTrue(text.contains("NtSetEvent enters"), text);
        assertTrue(text.contains("waits on Event " + GO + " in NtWaitForSingleObject"), text);
        assertTrue(text.contains("signals Event " + GO + " in NtSetEvent"), text);
        assertTrue(text.contains("write 0x"), text);
        assertTrue(text.contains("read 0x"), text);
        assertTrue(text.contains("exits STATUS_SUCCESS"), text);
        for (String line : text.split("\n")) {
            if (line.contains(" enters") || line.contains(" returns ")) assertTrue(line.contains(program), line);
        }
    }

    @Test
    void theArrowsSayWhoRunsNextAndAppearOnlyAtSwitches() {
        for (long seed = 0; seed < 5; seed++) {
            Told told = tell(new RandomWalk(seed));
            List<String> lines = lines(told, Map.of());
            for (int i = 0; i < told.steps().size(); i++) {
                Interleaving.Step step = told.steps().get(i);
                assertEquals(step.switches(), lines.get(i).contains("-> "), lines.get(i));
                if (i + 1 < told.steps().size()) assertEquals(step.next(), told.steps().get(i + 1).thread(), lines.get(i));
            }
        }
    }

    @Test
    void aMarkedStepCarriesItsNote() {
        Told told = tell(new RandomWalk(2));
        int last = told.steps().size();
        List<String> lines = lines(told, Map.of(3, "SV6 validate: read twice", last, "SV9 dereference: one too many"));
        assertTrue(lines.get(3).endsWith("<< SV6 validate: read twice"), lines.get(3));
        assertTrue(lines.get(last).contains("(after the last step)")
                && lines.get(last).endsWith("<< SV9 dereference: one too many"), lines.get(last));
        assertEquals(2, lines.stream().filter(line -> line.contains("<<")).count(), String.join("\n", lines));
    }
}
