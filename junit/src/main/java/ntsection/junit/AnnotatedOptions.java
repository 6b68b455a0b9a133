package ntsection.junit;

import ntsection.verifier.explore.Explorer;

import java.time.Duration;

/** The exploration a {@link VerifyDriver} asks for, as the verifier's options. */
final class AnnotatedOptions {
    private AnnotatedOptions() {
    }

    static Explorer.Options options(VerifyDriver annotation, String test) {
        if (annotation.threads() < 0) {
            throw Mistake.in(test, "asks for " + annotation.threads() + " threads: give 1 or more, or 0 for one per core");
        }
        if (annotation.seconds() < 0) {
            throw Mistake.in(test, "asks for " + annotation.seconds() + " seconds: give 1 or more, or 0 for no limit");
        }
        int threads = annotation.threads() == 0 ? Runtime.getRuntime().availableProcessors() : annotation.threads();
        Duration time = annotation.seconds() == 0 ? null : Duration.ofSeconds(annotation.seconds());
        try {
            return Explorer.Options.defaults().withSeed(annotation.seed()).withSchedules(annotation.schedules())
                    .withStrategy(annotation.strategy()).withThreads(threads).withTime(time);
        } catch (IllegalArgumentException e) {
            // The verifier's own words: a budget below one schedule, or a strategy it does not explore with.
            throw Mistake.in(test, "asks for what the verifier refuses: " + e.getMessage());
        }
    }
}
