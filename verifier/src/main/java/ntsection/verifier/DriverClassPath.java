package ntsection.verifier;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

/** The class path a user's driver comes from: jars and class folders, each checked before use. */
final class DriverClassPath {
    private DriverClassPath() {
    }

    /**
     * A loader over the entries, in order, with ntsection's own loader as parent, so the
     * driver is compiled against and called through the same ntsection.io.Driver. It is
     * never closed: a driver's classes load lazily, while the verification runs.
     */
    static URLClassLoader loader(List<Path> entries) throws DriverSourceException {
        URL[] urls = new URL[entries.size()];
        for (int i = 0; i < urls.length; i++) urls[i] = url(entries.get(i));
        return new URLClassLoader("driver class path", urls, DriverClassPath.class.getClassLoader());
    }

    /** Where a class not found was looked for, for the message that says so. */
    static String searched(List<Path> entries) {
        if (entries.isEmpty()) return "ntsection's own classes (no --classpath given)";
        return "ntsection's own classes and " + String.join(", ", entries.stream().map(Path::toString).toList());
    }

    private static URL url(Path entry) throws DriverSourceException {
        if (!Files.exists(entry)) throw new DriverSourceException("class path entry " + entry + " does not exist");
        if (!Files.isDirectory(entry)) checkJar(entry);
        try {
            return entry.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new DriverSourceException("class path entry " + entry + " has no URL a class loader can read: "
                    + e.getMessage());
        }
    }

    private static void checkJar(Path file) throws DriverSourceException {
        try (var _ = new JarFile(file.toFile())) {
            // Opening it is the check: a file that is not a zip fails here, not at the first class lookup.
        } catch (IOException e) {
            throw new DriverSourceException("class path entry " + file + " is neither a class folder nor a readable jar ("
                    + e.getMessage() + ")");
        }
    }
}
