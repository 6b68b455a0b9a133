package ntsection.verifier;

import ntsection.io.Driver;
import ntsection.io.DriverPackage;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Drivers ntsection has never seen, built as their authors build them: Java sources
 * kept as text under the test resources' {@code outside/} folder, compiled against the
 * kernel, and packed into a jar that is on no class path until a test hands it over.
 */
public final class DriverJars {
    private static final String SOURCES = "/outside/";

    private DriverJars() {
    }

    /**
     * Compiles {@code sources} (paths under {@code outside/}, such as
     * {@code com/example/outside/CounterDriver.java}) into a class folder in {@code folder}.
     */
    public static Path classes(Path folder, String... sources) throws IOException {
        Path sourceFolder = Files.createDirectories(folder.resolve("src"));
        Path classFolder = Files.createDirectories(folder.resolve("classes"));
        List<Path> sourceFiles = new ArrayList<>();
        for (String source : sources) sourceFiles.add(copyResource(source, sourceFolder.resolve(source)));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", classFolder.toString(), "-classpath", kernelClassPath());
            boolean compiled = compiler.getTask(null, fileManager, diagnostics, options, null,
                    fileManager.getJavaFileObjectsFromPaths(sourceFiles)).call();
            if (!compiled) throw new IllegalStateException("the outside sources do not compile: " + diagnostics.getDiagnostics());
        }
        return classFolder;
    }

    /**
     * Compiles {@code sources} and packs them into {@code folder/name}; with a
     * {@code driverPackage} (a class name) the jar lists it in META-INF/services, as a
     * jar that ships a {@link DriverPackage} does.
     */
    public static Path jar(Path folder, String name, String driverPackage, String... sources) throws IOException {
        Path classFolder = classes(folder.resolve(name + ".build"), sources);
        Path jar = folder.resolve(name);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             Stream<Path> classFiles = Files.walk(classFolder)) {
            for (Path file : classFiles.filter(Files::isRegularFile).toList()) {
                String entry = classFolder.relativize(file).toString().replace(File.separatorChar, '/');
                add(out, entry, Files.readAllBytes(file));
            }
            if (driverPackage != null) {
                add(out, "META-INF/services/" + DriverPackage.class.getName(),
                        (driverPackage + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return jar;
    }

    private static void add(JarOutputStream out, String entry, byte[] content) throws IOException {
        out.putNextEntry(new JarEntry(entry));
        out.write(content);
        out.closeEntry();
    }

    private static Path copyResource(String source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (InputStream in = DriverJars.class.getResourceAsStream(SOURCES + source);
             OutputStream out = Files.newOutputStream(target)) {
            if (in == null) throw new IllegalArgumentException("no test resource " + SOURCES + source);
            in.transferTo(out);
        }
        return target;
    }

    /**
     * Where the kernel's classes are. Under Surefire, java.class.path may hold only the
     * booter jar, so the kernel's own code source comes first; the class path properties
     * are for a runner whose loader does not say where its classes are from.
     */
    private static String kernelClassPath() {
        CodeSource kernel = Driver.class.getProtectionDomain().getCodeSource();
        if (kernel != null) {
            try {
                return Path.of(kernel.getLocation().toURI()).toString();
            } catch (URISyntaxException e) {
                throw new IllegalStateException("the kernel's location is not a path: " + kernel.getLocation(), e);
            }
        }
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
