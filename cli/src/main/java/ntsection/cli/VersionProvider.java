package ntsection.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven wrote into version.properties at build time. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) properties.load(in);
        }
        return new String[] {"ntsection " + properties.getProperty("version", "(unknown version)"),
                "Java " + Runtime.version() + ", " + System.getProperty("java.vm.name")};
    }
}
