package ntsection.verifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Properties;

/**
 * The tool as reports name it.
 *
 * @param informationUri where to read about the tool
 */
public record ToolInfo(String name, String version, String informationUri) {
    /**
     * The WDK page whose protocol the rules check. The project has no public home page
     * yet, so it stands in as the tool's information URI too; change it here once there is one.
     */
    public static final String PROTOCOL_URI =
            "https://learn.microsoft.com/en-us/windows-hardware/drivers/kernel/security-issues-for-section-objects-and-views";

    public ToolInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(informationUri, "informationUri");
    }

    /** ntsection at the version Maven wrote into tool.properties at build time. */
    public static ToolInfo current() {
        Properties properties = new Properties();
        try (InputStream in = ToolInfo.class.getResourceAsStream("tool.properties")) {
            if (in != null) properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = properties.getProperty("version", "0.0.0-unknown");
        if (version.startsWith("${")) version = "0.0.0-unknown"; // run from unfiltered sources
        return new ToolInfo("ntsection", version, PROTOCOL_URI);
    }
}
