package ntsection.junit;

import ntsection.verifier.VerificationReport;
import ntsection.verifier.explore.Explorer;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the verification a {@link VerifyDriver} test asks for, just before the test
 * method. A method without a report parameter fails on any finding and its body does
 * not run; one that takes the {@link VerificationReport} or the whole
 * {@link Explorer.Verification} receives it and is the judge of it.
 */
final class DriverVerification implements BeforeTestExecutionCallback, ParameterResolver {
    /** The JUnit configuration parameter naming the folder for finding files, one subfolder per test. */
    static final String FINDINGS_DIRECTORY = "ntsection.findings.directory";
    static final String DEFAULT_FINDINGS_DIRECTORY = "target/ntsection-findings";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DriverVerification.class);
    private static final List<Class<?>> RESULTS = List.of(VerificationReport.class, Explorer.Verification.class);

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        // Present: only the annotation registers this extension, on its own method.
        VerifyDriver annotation = method.getAnnotation(VerifyDriver.class);
        // A nested class's '$' would be expanded by the shell the replay line is pasted into.
        String test = context.getRequiredTestClass().getName().replace('$', '.') + "." + method.getName();
        Explorer.Verification verification = Explorer.verify(AnnotatedDriver.subject(annotation, test),
                AnnotatedOptions.options(annotation, test));
        for (String warning : verification.warnings()) context.publishReportEntry("ntsection warning", warning);
        context.getStore(NAMESPACE).put(Explorer.Verification.class, verification);
        boolean judgedByTest = Arrays.stream(method.getParameterTypes()).anyMatch(RESULTS::contains);
        if (!judgedByTest && !verification.report().clean()) {
            Path base = Path.of(context.getConfigurationParameter(FINDINGS_DIRECTORY).orElse(DEFAULT_FINDINGS_DIRECTORY));
            throw FindingsFailure.of(verification, base.resolve(test));
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        // Only the test method's own: a @BeforeEach method runs before the verification.
        return RESULTS.contains(parameter.getParameter().getType())
                && parameter.getDeclaringExecutable().equals(context.getRequiredTestMethod());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Explorer.Verification verification = context.getStore(NAMESPACE).get(Explorer.Verification.class,
                Explorer.Verification.class);
        return parameter.getParameter().getType() == VerificationReport.class ? verification.report() : verification;
    }
}
