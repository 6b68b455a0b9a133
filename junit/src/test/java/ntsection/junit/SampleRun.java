package ntsection.junit;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.nio.file.Path;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs a sample test class through the Jupiter engine, as a build would run a driver
 * author's test. Samples are nested classes, which surefire does not run by themselves.
 */
final class SampleRun {
    private SampleRun() {
    }

    /** The sample's test events, finding files going under {@code findings}. */
    static Events tests(Class<?> sample, Path findings) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample))
                .configurationParameter(DriverVerification.FINDINGS_DIRECTORY, findings.toString())
                .execute().testEvents();
    }

    /** What the sample's one test failed with. */
    static Throwable failure(Class<?> sample, Path findings) {
        Events tests = tests(sample, findings);
        tests.assertStatistics(count -> count.started(1).failed(1));
        return tests.failed().list().getFirst().getRequiredPayload(TestExecutionResult.class).getThrowable()
                .orElseThrow();
    }
}
