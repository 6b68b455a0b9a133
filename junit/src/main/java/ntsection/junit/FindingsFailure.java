package ntsection.junit;

import ntsection.verifier.Finding;
import ntsection.verifier.FindingFile;
import ntsection.verifier.TextReport;
import ntsection.verifier.explore.Explorer;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a test fails when its driver has findings: the verifier's text report, each
 * finding saved as a finding file that its replay line names, and the schedules that
 * went wrong without being a finding.
 */
final class FindingsFailure {
    private FindingsFailure() {
    }

    /** @param folder the test's own folder for finding files: this run's files replace the last run's */
    static AssertionFailedError of(Explorer.Verification verification, Path folder) {
        Path absolute = folder.toAbsolutePath();
        Map<Finding, Path> saved = new HashMap<>();
        String where;
        try {
            saved.putAll(FindingFile.saveAll(absolute, verification.files()));
            where = "finding files in " + absolute + "; ntsection replay FILE re-runs one\n";
        } catch (IOException e) {
            saved.clear();
            where = "the finding files could not be saved in " + absolute + ": " + e + "\n";
        }
        StringBuilder message = new StringBuilder(TextReport.render(verification.report(), saved));
        message.append('\n').append(where);
        List<String> warnings = verification.warnings();
        if (!warnings.isEmpty()) {
            message.append("\nwarnings:\n");
            for (String warning : warnings) message.append("  ").append(warning).append('\n');
        }
        return new AssertionFailedError(message.toString());
    }
}
