package ntsection.verifier;

import java.util.Arrays;
import java.util.Locale;

/** The formats a verification report is written in, by the names a command line uses. */
public enum ReportFormat {
    TEXT("text", "txt"),
    JSON("json", "json"),
    SARIF("sarif", "sarif");

    private final String label;
    private final String extension;

    ReportFormat(String label, String extension) {
        this.label = label;
        this.extension = extension;
    }

    /** "text", "json" or "sarif" (any case), or IllegalArgumentException. */
    public static ReportFormat parse(String label) {
        for (ReportFormat format : values()) if (format.label.equalsIgnoreCase(label)) return format;
        throw new IllegalArgumentException("unknown report format " + label + "; one of "
                + Arrays.stream(values()).map(ReportFormat::label).toList());
    }

    public String label() {
        return label;
    }

    /** The usual file name extension, without the dot. */
    public String extension() {
        return extension;
    }

    public String render(VerificationReport report) {
        return switch (this) {
            case TEXT -> TextReport.render(report);
            case JSON -> JsonReport.render(report);
            case SARIF -> SarifReport.render(report);
        };
    }

    @Override
    public String toString() {
        return label.toLowerCase(Locale.ROOT);
    }
}
