package ntsection.drivers.demo;

import ntsection.Executive;
import ntsection.ExecutiveConfig;
import ntsection.drivers.Catalogue;
import ntsection.ke.BugCheck;
import ntsection.ke.BugCheckError;
import ntsection.ke.Pct;
import ntsection.ke.RandomWalk;
import ntsection.ke.RunResult;
import ntsection.ke.Scheduler;
import ntsection.ke.Strategy;
import ntsection.nt.NtStatus;
import ntsection.ps.Process;
import ntsection.vf.Harm;
import ntsection.vf.Leaks;
import ntsection.vf.Oracles;

import java.util.ArrayList;
import java.util.List;

/**
 * One run of one attack on one driver under one schedule, judged by the oracles: boot,
 * load the driver, plant the secrets, let the attacker's threads run under the
 * controlled scheduler, then let every process exit and the driver unload, and count
 * what is left. The demo runs trials from seeds; the verifier runs them from its
 * strategies and watches them through an {@link Observer}.
 */
public final class Trial {
    /** 8 MiB of RAM: enough for every scenario, and a physical-memory scan ends soon. */
    public static final int PHYSICAL_PAGES = 2048;
    public static final int PCT_DEPTH = 3;
    public static final long PCT_STEPS = 4_000;

    private Trial() {
    }

    /** What else watches a trial: called on the trial's thread, in this order. */
    public interface Observer {
        /** The system is booted with the oracles installed, and the driver not yet loaded. */
        default void booted(Executive system, Oracles oracles) {
        }

        /** The controlled scheduler the attack's threads are about to run under. */
        default void scheduling(Scheduler scheduler) {
        }
    }

    private static final Observer NOBODY = new Observer() {
    };

    /**
     * What one run did: its harms, and the schedule that produced them. A run that did not
     * complete (a deadlock, or code that threw what the model does not expect) is not torn
     * down: its harms are what the oracles saw until it stopped.
     */
    public record Result(List<Harm> harms, RunResult run) {
        public boolean completed() {
            return run.outcome() == RunResult.Outcome.COMPLETED || run.outcome() == RunResult.Outcome.BUG_CHECK;
        }
    }

    /** The demo's choice of strategy for a seed: odd seeds walk at random, even ones use PCT. */
    public static Strategy strategy(long seed) {
        return (seed & 1) == 1 ? new RandomWalk(seed) : new Pct(seed, PCT_DEPTH, PCT_STEPS);
    }

    public static String strategyName(long seed) {
        return (seed & 1) == 1 ? "random" : "pct";
    }

    static Result run(Catalogue.Entry driver, Attack attack, long seed) {
        Result result = run(Target.of(driver), attack, strategy(seed), NOBODY);
        if (!result.completed()) {
            throw new IllegalStateException(attack.name() + " on " + driver.serviceName() + " did not complete: "
                    + result.run().describe());
        }
        return result;
    }

    public static Result run(Target target, Attack attack, Strategy strategy, Observer observer) {
        Executive system = Executive.boot(ExecutiveConfig.defaults().withPhysicalPages(PHYSICAL_PAGES));
        try {
            return run(system, target, attack, strategy, observer);
        } finally {
            system.mm().physicalMemory().close();
        }
    }

    private static Result run(Executive system, Target target, Attack attack, Strategy strategy, Observer observer) {
        Oracles oracles = new Oracles();
        system.kernel().setHooks(oracles);
        observer.booted(system, oracles);
        Leaks before = Leaks.baseline(system);
        NtStatus loaded = system.loadDriver(target.serviceName());
        if (!loaded.isSuccess()) throw new IllegalStateException(target.serviceName() + " did not load: " + loaded);
        KernelSecret kernelSecret = new KernelSecret(system);
        kernelSecret.plant();
        Process victim = system.createProcess("victim.exe", false);
        VictimSecret.plant(system, victim, oracles.secrets());
        Process attacker = system.createProcess("attacker.exe", false);
        oracles.attacker(attacker);

        Scheduler scheduler = system.useControlledScheduler(strategy);
        observer.scheduling(scheduler);
        attack.stage(new Stage(system, target, victim, attacker));
        RunResult run = scheduler.run();

        List<Harm> harms = new ArrayList<>(oracles.harms());
        BugCheck stop = system.kernel().bugCheck();
        if (stop != null) {
            harms.add(new Harm(Harm.Kind.BUG_CHECK, stop.describe()));
            return new Result(harms, run);
        }
        if (run.outcome() != RunResult.Outcome.COMPLETED) return new Result(harms, run);
        Scheduler teardown = system.useFreeScheduler();
        try {
            system.terminateProcess(attacker, NtStatus.STATUS_SUCCESS);
            system.terminateProcess(victim, NtStatus.STATUS_SUCCESS);
            system.unloadDriver(target.serviceName());
            kernelSecret.remove();
        } catch (BugCheckError stopped) {
            // The teardown touched what the run broke; the recorded bug-check is judged below.
        }
        // A system worker the teardown used may still be on its way out: counting before it is gone would see a leak.
        teardown.run();
        if (system.kernel().bugCheck() != null) harms.add(new Harm(Harm.Kind.BUG_CHECK, system.kernel().bugCheck().describe()));
        else harms.addAll(before.since(system));
        harms.addAll(oracles.harms().stream().filter(harm -> !harms.contains(harm)).toList());
        return new Result(harms, run);
    }
}
