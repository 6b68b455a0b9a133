package ntsection.verifier.explore;

import ntsection.Executive;
import ntsection.drivers.demo.Target;
import ntsection.drivers.demo.Trial;
import ntsection.ke.Replay;
import ntsection.ke.Scheduler;
import ntsection.verifier.DriverSource;
import ntsection.verifier.DriverSourceException;
import ntsection.verifier.Finding;
import ntsection.verifier.FindingFile;
import ntsection.verifier.Location;
import ntsection.verifier.replay.Interleaving;
import ntsection.vf.Oracles;
import ntsection.vf.Violation;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Re-runs a saved finding: the same driver from the same class path, the same program,
 * and the recorded schedule decision by decision, with every decision recorded as a step
 * of the interleaving. The run is the same run when its trace hash (every decision, its
 * kind and detail) equals the one saved, and the finding is back when the same rule
 * breaks at the same line (or, for an oracle's finding, the same harm is seen).
 */
public final class Replayer {
    /** The finding file parameter holding the trace hash of the run that showed the finding, in hex. */
    public static final String TRACE = "trace";

    private Replayer() {
    }

    /**
     * What the replay did.
     *
     * @param sameRun      the trace hash equals the saved one (false when the file has none)
     * @param shown        the finding was made again
     * @param findingStep  the step the finding happened at in the replay (-1 when not shown or not known)
     * @param description  how the run ended
     */
    public record Replayed(List<Interleaving.Step> steps, boolean sameRun, boolean shown, long findingStep,
                           String description) {
    }

    /** Replays {@code file}; DriverSourceException when its driver cannot be found again. */
    public static Replayed replay(FindingFile file) throws DriverSourceException {
        List<Path> classpath = file.classpath().stream().map(Path::of).toList();
        Subject subject = Subject.of(file.driver(), DriverSource.resolve(file.driver(), classpath));
        Target target = Discovery.target(subject);
        Program program = Program.of(file.parameters());
        Interleaving[] interleaving = new Interleaving[1];
        Run.Outcome outcome = Run.run(subject, target, program, new Replay(file.schedule()), new Trial.Observer() {
            @Override
            public void booted(Executive system, Oracles oracles) {
                interleaving[0] = new Interleaving(system.ob());
            }

            @Override
            public void scheduling(Scheduler scheduler) {
                scheduler.trace(interleaving[0]);
            }
        });
        String saved = file.parameters().get(TRACE);
        boolean sameRun = saved != null && saved.equals(Long.toHexString(outcome.run().traceHash()));
        Finding finding = file.finding();
        long step = -1;
        boolean shown;
        if (finding.rule() == null) {
            shown = outcome.harms().stream().anyMatch(harm -> harm.kind().label().equals(finding.harm()));
        } else {
            Violation again = outcome.violations().stream()
                    .filter(violation -> violation.rule() == finding.rule() && sameLocation(violation, finding))
                    .findFirst().orElse(null);
            shown = again != null;
            if (again != null) step = again.step();
        }
        return new Replayed(interleaving[0].steps(), sameRun, shown, step, outcome.run().describe());
    }

    private static boolean sameLocation(Violation violation, Finding finding) {
        return Objects.equals(finding.location(), Location.of(violation.frame()));
    }
}
