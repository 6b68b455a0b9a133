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
 * what is left. Odd seeds walk at random, even seeds use PCT, which finds the narrow
 * windows of a race.
 */
final class Trial {
    /** 8 MiB of RAM: enough for every scenario, and a physical-memory scan ends soon. */
    static final int PHYSICAL_PAGES = 2048;
    static final int PCT_DEPTH = 3;
    static final long PCT_STEPS = 4_000;

    private Trial() {
    }

    /** What one run did: its harms, and the schedule that produced them. */
    record Result(List<Harm> harms, RunResult run, String strategy) {
    }

    static String strategy(long seed) {
        return (seed & 1) == 1 ? "random" : "pct";
    }

    static Result run(Catalogue.Entry driver, Attack attack, long seed) {
        Executive system = Executive.boot(ExecutiveConfig.defaults().withPhysicalPages(PHYSICAL_PAGES));
        Oracles oracles = new Oracles();
        system.kernel().setHooks(oracles);
        Leaks before = Leaks.baseline(system);
        NtStatus loaded = system.loadDriver(driver.serviceName());
        if (!loaded.isSuccess()) throw new IllegalStateException(driver.serviceName() + " did not load: " + loaded);
        KernelSecret kernelSecret = new KernelSecret(system);
        kernelSecret.plant();
        Process victim = system.createProcess("victim.exe", false);
        VictimSecret.plant(system, victim, oracles.secrets());
        Process attacker = system.createProcess("attacker.exe", false);
        oracles.attacker(attacker);

        Strategy strategy = (seed & 1) == 1 ? new RandomWalk(seed) : new Pct(seed, PCT_DEPTH, PCT_STEPS);
        Scheduler scheduler = system.useControlledScheduler(strategy);
        attack.stage(new Stage(system, driver, victim, attacker));
        RunResult run = scheduler.run();

        List<Harm> harms = new ArrayList<>(oracles.harms());
        BugCheck stop = system.kernel().bugCheck();
        if (stop != null) {
            harms.add(new Harm(Harm.Kind.BUG_CHECK, stop.describe()));
            return new Result(harms, run, strategy(seed));
        }
        if (run.outcome() != RunResult.Outcome.COMPLETED) {
            throw new IllegalStateException(attack.name() + " on " + driver.serviceName() + " did not complete: "
                    + run.describe());
        }
        system.useFreeScheduler();
        try {
            system.terminateProcess(attacker, NtStatus.STATUS_SUCCESS);
            system.terminateProcess(victim, NtStatus.STATUS_SUCCESS);
            system.unloadDriver(driver.serviceName());
            kernelSecret.remove();
        } catch (BugCheckError stopped) {
            // The teardown touched what the run broke; the recorded bug-check is judged below.
        }
        if (system.kernel().bugCheck() != null) harms.add(new Harm(Harm.Kind.BUG_CHECK, system.kernel().bugCheck().describe()));
        else harms.addAll(before.since(system));
        harms.addAll(oracles.harms().stream().filter(harm -> !harms.contains(harm)).toList());
        return new Result(harms, run, strategy(seed));
    }
}
