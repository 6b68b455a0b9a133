package ntsection.junit;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** A {@link VerifyDriver} that cannot be run as written: the test fails with what to change. */
final class Mistake {
    private Mistake() {
    }

    /** "@VerifyDriver on Test.method " + what. */
    static ExtensionConfigurationException in(String test, String what) {
        return new ExtensionConfigurationException("@VerifyDriver on " + test + " " + what);
    }
}
