package ntsection.vf;

import ntsection.Executive;
import ntsection.ke.NtException;
import ntsection.ke.RandomWalk;
import ntsection.ke.RunResult;
import ntsection.ke.Scheduler;
import ntsection.ke.SchedulingPoint;
import ntsection.ke.Seh;
import ntsection.nt.NtStatus;
import ntsection.ps.Process;
import ntsection.ps.Thread;
import ntsection.testing.Systems;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** What the checks read off the kernel: a thread's try/except depth, and a controlled run's step. */
class GuardDepthAndStepTest {
    private final Executive system = Systems.boot();
    private final Process process = system.createProcess("p.exe", false);
    private final Thread thread = process.mainThread();

    @Test
    void guardDepthCountsNestedGuardsAndDropsWhenTheyUnwind() {
        int[] inside = new int[3];
        NtStatus status = system.inDispatchRoutine(process, () -> Seh.guard(() -> {
            inside[0] = thread.guardDepth();
            Runnable body = () -> {
                inside[1] = thread.guardDepth();
                throw new NtException(NtStatus.STATUS_ACCESS_VIOLATION, 0, NtException.NONE);
            };
            Seh.tryExcept(body, Seh.EXECUTE_HANDLER, exception -> {
                inside[2] = thread.guardDepth();
            });
            throw new NtException(NtStatus.STATUS_INVALID_PARAMETER, 0, NtException.NONE);
        }));
        assertEquals(NtStatus.STATUS_INVALID_PARAMETER, status);
        assertArrayEquals(new int[]{1, 2, 1}, inside, "the handler runs outside the body it guards");
        assertEquals(0, thread.guardDepth());
    }

    @Test
    void anExceptionNoFilterTakesStillLeavesTheGuard() {
        Runnable body = () -> {
            throw new NtException(NtStatus.STATUS_ACCESS_VIOLATION, 0, NtException.NONE);
        };
        assertThrows(NtException.class, () -> system.inDispatchRoutine(process, () -> {
            Seh.tryExcept(body, exception -> Seh.EXCEPTION_CONTINUE_SEARCH, exception -> {
            });
            return null;
        }));
        assertEquals(0, thread.guardDepth());
    }

    @Test
    void theStepIsMinusOneOutsideAControlledRunAndGrowsWithinOne() {
        assertEquals(-1, SchedulingPoint.step(thread));
        Scheduler scheduler = system.useControlledScheduler(new RandomWalk(7));
        List<Long> steps = new ArrayList<>();
        Thread started = system.startThread(process, user -> {
            for (int i = 0; i < 3; i++) {
                steps.add(SchedulingPoint.step(ntsection.ke.CurrentThread.get()));
                SchedulingPoint.yieldNow();
            }
        });
        RunResult result = scheduler.run();
        assertEquals(RunResult.Outcome.COMPLETED, result.outcome(), result::describe);
        assertEquals(3, steps.size());
        assertTrue(steps.getFirst() >= 1, "the run's first decision is made before the thread runs");
        assertTrue(steps.get(0) < steps.get(1) && steps.get(1) < steps.get(2), steps::toString);
        assertEquals(-1, SchedulingPoint.step(started), "unbound once the run ended");
    }
}
