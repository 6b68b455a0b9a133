package ntsection.junit;

import ntsection.drivers.ring.SharedViewDriver;
import ntsection.drivers.twins.RingSv5GuardedAccessTwin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifyDriverMistakeTest {
    @TempDir
    Path findings;

    static class NoDriverSample {
        @VerifyDriver
        void nothing() {
        }
    }

    @Test
    void namingNoDriverFails() {
        assertMistake(NoDriverSample.class, "nothing", "names no driver: give the driver class (value) or a shipped"
                + " driver's service name (service)");
    }

    static class BothSample {
        @VerifyDriver(value = RingSv5GuardedAccessTwin.class, service = "shared-view")
        void both() {
        }
    }

    @Test
    void namingAClassAndAServiceFails() {
        assertMistake(BothSample.class, "both", "names both the driver class " + RingSv5GuardedAccessTwin.class.getName()
                + " and the service \"shared-view\": give one");
    }

    static class UnknownServiceSample {
        @VerifyDriver(service = "no-such-driver")
        void unknown() {
        }
    }

    @Test
    void anUnknownServiceFailsListingTheKnownOnes() {
        Throwable failure = SampleRun.failure(UnknownServiceSample.class, findings);

        assertInstanceOf(ExtensionConfigurationException.class, failure);
        String prefix = "@VerifyDriver on " + UnknownServiceSample.class.getCanonicalName() + ".unknown names the service"
                + " \"no-such-driver\", which no booted system knows; known services: ";
        assertEquals(prefix, failure.getMessage().substring(0, prefix.length()));
        assertTrue(failure.getMessage().contains("shared-view"), failure.getMessage());
    }

    /** A driver the verifier cannot construct. */
    public static class NeedsArgument extends SharedViewDriver {
        public NeedsArgument(int size) {
        }
    }

    static class NoConstructorSample {
        @VerifyDriver(NeedsArgument.class)
        void needsArgument() {
        }
    }

    @Test
    void aDriverWithoutAConstructorToCallFails() {
        assertMistake(NoConstructorSample.class, "needsArgument", "names " + NeedsArgument.class.getName()
                + ", which has no public constructor without arguments, the one the verifier calls");
    }

    /** A copy of the reference ring that kept its service name (the registry ignores case). */
    public static class CopiedRing extends SharedViewDriver {
        public static final String SERVICE_NAME = "Shared-View";
    }

    static class CopiedRingSample {
        @VerifyDriver(CopiedRing.class)
        void copied() {
        }
    }

    @Test
    void aDriverUnderAShippedDriversNameFailsRatherThanVerifyTheShippedOne() {
        assertMistake(CopiedRingSample.class, "copied", "names " + CopiedRing.class.getName() + ", whose service name"
                + " Shared-View is taken by ntsection's driver shared-view: give the class a public static final String"
                + " SERVICE_NAME of its own");
    }

    static class BudgetSample {
        @VerifyDriver(service = "shared-view", schedules = 0)
        void noSchedules() {
        }
    }

    @Test
    void aBudgetOfNoScheduleFails() {
        assertMistake(BudgetSample.class, "noSchedules",
                "asks for what the verifier refuses: the budget must allow at least one schedule");
    }

    static class StrategySample {
        @VerifyDriver(service = "shared-view", strategy = "replay")
        void replay() {
        }
    }

    @Test
    void replayIsNotAStrategyToExploreWith() {
        assertMistake(StrategySample.class, "replay",
                "asks for what the verifier refuses: replay is not an exploration strategy");
    }

    private void assertMistake(Class<?> sample, String method, String what) {
        Throwable failure = SampleRun.failure(sample, findings);
        assertInstanceOf(ExtensionConfigurationException.class, failure);
        assertEquals("@VerifyDriver on " + sample.getCanonicalName() + "." + method + " " + what, failure.getMessage());
    }
}
