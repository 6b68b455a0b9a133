package ntsection.junit;

import ntsection.io.Driver;
import ntsection.verifier.explore.Explorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test that runs the ntsection verifier on a driver: it explores schedules of attack
 * programs and generated requests against the driver under the controlled scheduler,
 * and the test fails with the text report of every finding (a broken protocol rule
 * SV1..SV10 or harm an oracle saw), each saved as a finding file that
 * {@code ntsection replay FILE} re-runs. The files go to
 * {@code target/ntsection-findings/<test class>.<method>/}, or under the folder the JUnit
 * configuration parameter {@code ntsection.findings.directory} names.
 *
 * <pre>{@code
 * class MyDriverTest {
 *     @VerifyDriver(MyDriver.class)
 *     void followsTheSectionProtocol() {
 *     }
 *
 *     @VerifyDriver(value = MyDriver.class, schedules = 1000, strategy = "pct")
 *     void harder() {
 *     }
 *
 *     // Taking the report (or the whole Explorer.Verification), the test judges it itself.
 *     @VerifyDriver(service = "sv5-guarded-access", schedules = 40)
 *     void theTwinIsCaught(VerificationReport report) {
 *         assertTrue(report.findings().stream().anyMatch(finding -> finding.ruleId().equals("SV5")));
 *     }
 * }
 * }</pre>
 *
 * Name exactly one driver: a class ({@link #value}, loaded under its own
 * {@code public static final String SERVICE_NAME}, else under its simple name) or the
 * service name of a driver ntsection ships ({@link #service}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(DriverVerification.class)
public @interface VerifyDriver {
    /**
     * The driver class: public, concrete, with a public constructor without arguments. Its
     * service name may not be one a driver ntsection already knows has (unless it is that
     * driver, a twin say).
     */
    Class<? extends Driver> value() default Driver.class;

    /** The service name of a driver every booted system knows, instead of a class. */
    String service() default "";

    /** The seed of the first schedule; run i uses seed + i. */
    long seed() default 1;

    /** The most schedules to explore. */
    long schedules() default Explorer.DEFAULT_SCHEDULES;

    /** "random", "pct" or "exhaustive". */
    String strategy() default "random";

    /** How many systems run at once; 0 for one per core. */
    int threads() default 0;

    /** The most seconds to explore for; 0 for no limit but the schedules. */
    long seconds() default 0;
}
