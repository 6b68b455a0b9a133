package ntsection.verifier.explore;

import ntsection.drivers.demo.Attack;
import ntsection.drivers.demo.Attacks;
import ntsection.drivers.demo.Target;
import ntsection.drivers.demo.Trial;
import ntsection.ke.ExhaustiveSearch;
import ntsection.ke.Pct;
import ntsection.ke.RandomWalk;
import ntsection.ke.Strategy;
import ntsection.verifier.Finding;
import ntsection.verifier.FindingFile;
import ntsection.verifier.Strategies;
import ntsection.verifier.VerificationReport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Verifies one driver: finds its target, explores schedules of the attack programs and
 * of generated programs under the controlled scheduler, spread over the cores, until the
 * budget of schedules or seconds is spent; then shrinks every finding and checks that it
 * replays. Run {@code i} (from 0) of a random or PCT exploration with seed {@code s}
 * uses seed {@code s + i} for both its strategy and, every other run, its generated
 * program; the other runs take the attacks aimed at the driver in turn. An exhaustive
 * exploration walks the same programs one after another, each through every schedule
 * within {@link #PREEMPTION_BOUND} preemptions, at most {@link #EXHAUSTIVE_PER_PROGRAM}
 * of them.
 */
public final class Explorer {
    public static final long DEFAULT_SCHEDULES = 200;
    public static final int PREEMPTION_BOUND = 2;
    public static final int EXHAUSTIVE_PER_PROGRAM = 64;

    private Explorer() {
    }

    /**
     * @param schedules the most schedules to run (Long.MAX_VALUE: only time bounds it)
     * @param time      the most time to explore for, or null for no limit (shrinking comes after)
     * @param threads   how many systems run at once
     * @param untilFirstFinding stop exploring once any run has shown a finding (the runs under way finish)
     */
    public record Options(long seed, long schedules, Duration time, String strategy, int threads, Progress progress,
                          boolean untilFirstFinding) {
        public Options {
            if (schedules < 1) throw new IllegalArgumentException("the budget must allow at least one schedule");
            if (threads < 1) throw new IllegalArgumentException("at least one thread");
            if (Strategies.REPLAY.equals(Strategies.requireKnown(strategy))) {
                throw new IllegalArgumentException("replay is not an exploration strategy");
            }
        }

        public static Options defaults() {
            return new Options(1, DEFAULT_SCHEDULES, null, Strategies.RANDOM, Runtime.getRuntime().availableProcessors(),
                    Progress.NONE, false);
        }

        public Options withSeed(long value) {
            return new Options(value, schedules, time, strategy, threads, progress, untilFirstFinding);
        }

        public Options withSchedules(long value) {
            return new Options(seed, value, time, strategy, threads, progress, untilFirstFinding);
        }

        public Options withTime(Duration value) {
            return new Options(seed, schedules, value, strategy, threads, progress, untilFirstFinding);
        }

        public Options withStrategy(String value) {
            return new Options(seed, schedules, time, value, threads, progress, untilFirstFinding);
        }

        public Options withThreads(int value) {
            return new Options(seed, schedules, time, strategy, value, progress, untilFirstFinding);
        }

        public Options stoppingAtFirstFinding() {
            return new Options(seed, schedules, time, strategy, threads, progress, true);
        }

        public Options withProgress(Progress value) {
            return new Options(seed, schedules, time, strategy, threads, value, untilFirstFinding);
        }
    }

    /**
     * What a verification found: the report, a finding file per finding (in the report's
     * order) that {@code ntsection replay} re-runs, and what went wrong without being a
     * finding (schedules that deadlocked).
     */
    public record Verification(VerificationReport report, List<FindingFile> files, List<String> warnings) {
    }

    /** One schedule that ran: its order among all, its program and strategy, and what it showed. */
    private record Ran(long order, Program program, String strategy, long seed, Run.Outcome outcome) {
    }

    public static Verification verify(Subject subject, Options options) {
        long started = System.nanoTime();
        Target target = Discovery.target(subject);
        List<Attack> attacks = Attacks.ALL.stream().filter(attack -> attack.aims(target)).toList();
        long deadline = options.time() == null ? Long.MAX_VALUE : started + options.time().toNanos();
        Exploring exploring = new Exploring(subject, target, attacks, options, started, deadline);
        List<Ran> ran = exploring.run();
        ran.sort(Comparator.comparingLong(Ran::order));

        FindingSet set = new FindingSet();
        List<String> warnings = new ArrayList<>();
        for (Ran one : ran) {
            if (one.outcome().deadlocked()) {
                warnings.add("schedule " + one.order() + " (" + one.program().attack() + ", " + one.strategy() + " seed "
                        + one.seed() + ") deadlocked: " + one.outcome().run().describe());
            }
            set.add(one.program(), one.strategy(), one.seed(), one.outcome());
        }
        List<Candidate> candidates = set.all();
        options.progress().shrinking(candidates.size());
        List<Shrinker.Shrunk> shrunk = parallel(options.threads(), candidates,
                candidate -> new Shrinker(subject, target).shrink(candidate));
        options.progress().done();

        List<Finding> findings = new ArrayList<>();
        List<FindingFile> files = new ArrayList<>();
        for (Shrinker.Shrunk one : shrunk) {
            Finding finding = one.candidate().finding();
            findings.add(finding);
            Map<String, String> parameters = new LinkedHashMap<>(one.candidate().program().parameters());
            parameters.put(Replayer.TRACE, Long.toHexString(one.candidate().outcome().run().traceHash()));
            parameters.put("decisive-steps", Integer.toString(one.decisive()));
            parameters.put("explored-decisions", Integer.toString(one.originalDecisions()));
            if (one.candidate().program().isGenerated()) {
                parameters.put("explored-requests", Integer.toString(one.originalRequests()));
            }
            files.add(new FindingFile(subject.driver(), subject.classpath(), parameters, finding));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        VerificationReport report = new VerificationReport(subject.serviceName(), ran.size(), seconds, options.strategy(),
                options.seed(), findings);
        return new Verification(report, List.copyOf(files), List.copyOf(warnings));
    }

    /** The exploration proper: workers take runs until the budget or the time is spent. */
    private static final class Exploring {
        private final Subject subject;
        private final Target target;
        private final List<Attack> attacks;
        private final Options options;
        private final long started;
        private final long deadline;
        private final AtomicLong taken = new AtomicLong();
        private final AtomicLong claimed = new AtomicLong();
        private final AtomicLong finished = new AtomicLong();
        private final Map<String, Boolean> keys = new ConcurrentHashMap<>();
        private final List<Ran> ran = new ArrayList<>();

        Exploring(Subject subject, Target target, List<Attack> attacks, Options options, long started, long deadline) {
            this.subject = subject;
            this.target = target;
            this.attacks = attacks;
            this.options = options;
            this.started = started;
            this.deadline = deadline;
        }

        List<Ran> run() {
            List<Integer> workers = new ArrayList<>();
            for (int i = 0; i < options.threads(); i++) workers.add(i);
            boolean exhaustive = Strategies.EXHAUSTIVE.equals(options.strategy());
            parallel(options.threads(), workers, worker -> {
                if (exhaustive) exhaustive();
                else sampled();
                return null;
            });
            return ran;
        }

        private boolean stopping() {
            return System.nanoTime() >= deadline || options.untilFirstFinding() && !keys.isEmpty();
        }

        /** Random walk or PCT: run i is its own program and seed. */
        private void sampled() {
            while (!stopping()) {
                long i = taken.getAndIncrement();
                if (i >= options.schedules()) return;
                long seed = options.seed() + i;
                Strategy strategy = Strategies.PCT.equals(options.strategy())
                        ? new Pct(seed, Trial.PCT_DEPTH, Trial.PCT_STEPS) : new RandomWalk(seed);
                record(i, program(i, seed), options.strategy(), seed, strategy);
            }
        }

        /** Bounded exhaustive search: program j's schedules one after another. */
        private void exhaustive() {
            for (long j = taken.getAndIncrement(); ; j = taken.getAndIncrement()) {
                Program program = program(j, options.seed() + j);
                ExhaustiveSearch search = new ExhaustiveSearch(PREEMPTION_BOUND);
                for (int k = 0; k < EXHAUSTIVE_PER_PROGRAM; k++) {
                    Strategy strategy = search.nextRun();
                    if (strategy == null) break;
                    if (stopping() || claimed.getAndIncrement() >= options.schedules()) return;
                    record(j * EXHAUSTIVE_PER_PROGRAM + k, program, Strategies.EXHAUSTIVE, k, strategy);
                }
            }
        }

        private Program program(long i, long seed) {
            if (i % 2 == 0 || attacks.isEmpty()) return Program.generated(seed);
            return Program.attack(attacks.get((int) ((i / 2) % attacks.size())));
        }

        private void record(long order, Program program, String strategy, long seed, Strategy chooser) {
            Run.Outcome outcome = Run.run(subject, target, program, chooser);
            outcome.violations().forEach(violation -> keys.put(Shows.key(violation), true));
            if (outcome.violations().isEmpty()) outcome.harms().forEach(harm -> keys.put(Shows.key(harm), true));
            synchronized (ran) {
                ran.add(new Ran(order, program, strategy, seed, outcome));
            }
            long done = finished.incrementAndGet();
            options.progress().explored(done, options.schedules() == Long.MAX_VALUE ? -1 : options.schedules(),
                    keys.size(), (System.nanoTime() - started) / 1e9);
        }
    }

    private interface Task<T, R> {
        R apply(T item);
    }

    /** Applies {@code task} to every item on a pool of platform threads; results in the items' order. */
    private static <T, R> List<R> parallel(int threads, List<T> items, Task<T, R> task) {
        if (items.isEmpty()) return List.of();
        // Platform threads: a fork-join worker could run another item inside this one's scheduler wait.
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()))) {
            List<Future<R>> running = new ArrayList<>();
            for (T item : items) running.add(pool.submit(() -> task.apply(item)));
            List<R> results = new ArrayList<>();
            for (Future<R> result : running) results.add(result.get());
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the verification was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) throw failure;
            throw new IllegalStateException(e.getCause());
        }
    }
}
