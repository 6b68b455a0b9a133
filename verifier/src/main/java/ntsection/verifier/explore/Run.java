package ntsection.verifier.explore;

import ntsection.Executive;
import ntsection.drivers.demo.Attack;
import ntsection.drivers.demo.Target;
import ntsection.drivers.demo.Trial;
import ntsection.ke.RunResult;
import ntsection.ke.Scheduler;
import ntsection.ke.Strategy;
import ntsection.vf.CodeOwner;
import ntsection.vf.Harm;
import ntsection.vf.Oracles;
import ntsection.vf.RuleChecks;
import ntsection.vf.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * One explored schedule: a program against the driver under a strategy, on a fresh
 * system, watched by the rule checks and judged by the oracles. Driver code that throws
 * what the model does not expect (a NullPointerException, say) would be an unhandled
 * kernel-mode exception on NT, so it counts as a bug-check; the same from the
 * executive's, an attack's or the verifier's own code is a bug in ntsection and is
 * raised as one.
 */
final class Run {
    private Run() {
    }

    /** What one schedule showed. */
    record Outcome(List<Violation> violations, List<Harm> harms, RunResult run, List<String> calls) {
        boolean deadlocked() {
            return run.outcome() == RunResult.Outcome.DEADLOCK;
        }
    }

    static Outcome run(Subject subject, Target target, Program program, Strategy strategy) {
        return run(subject, target, program, strategy, new Trial.Observer() {
        });
    }

    /** As above, with {@code watcher} told of the system and the scheduler after the verifier's own set-up. */
    static Outcome run(Subject subject, Target target, Program program, Strategy strategy, Trial.Observer watcher) {
        Attack attack = program.instantiate(target);
        RuleChecks[] checks = new RuleChecks[1];
        Trial.Result result = Trial.run(target, attack, strategy, new Trial.Observer() {
            @Override
            public void booted(Executive system, Oracles oracles) {
                subject.register(system.io().registry());
                checks[0] = RuleChecks.install(system);
                watcher.booted(system, oracles);
            }

            @Override
            public void scheduling(Scheduler scheduler) {
                watcher.scheduling(scheduler);
            }
        });
        List<Harm> harms = new ArrayList<>(result.harms());
        RunResult run = result.run();
        if (run.outcome() == RunResult.Outcome.FAILED) harms.add(thrownByDriver(run.failure()));
        return new Outcome(checks[0].violations(), List.copyOf(harms), run, program.calls(attack));
    }

    private static Harm thrownByDriver(Throwable failure) {
        StackTraceElement thrower = null;
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (!CodeOwner.isPlatform(frame.getClassName())) {
                thrower = frame;
                break;
            }
        }
        if (thrower == null || isOurs(thrower.getClassName())) {
            throw new IllegalStateException("ntsection failed while running the driver: " + failure, failure);
        }
        return new Harm(Harm.Kind.BUG_CHECK, "driver code threw " + failure + " at " + thrower
                + ": an exception no handler takes in kernel mode is KMODE_EXCEPTION_NOT_HANDLED (0x1E) on NT");
    }

    /** The executive, the attack programs and the verifier: anything but the driver under test. */
    private static boolean isOurs(String type) {
        if (type.startsWith("ntsection.drivers.attacks.") || type.startsWith("ntsection.drivers.demo.")
                || type.startsWith("ntsection.verifier.")) {
            return true;
        }
        return CodeOwner.isExecutive(type);
    }
}
