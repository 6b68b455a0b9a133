package ntsection.verifier;

import ntsection.Executive;
import ntsection.ExecutiveConfig;
import ntsection.io.Driver;
import ntsection.io.DriverRegistry;

import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The driver a verification runs, from {@code --driver NAME|CLASS} and {@code --classpath}.
 * A NAME is a service name a booted system's registry knows, or one that a DriverPackage
 * on the class path registers; anything else that reads as a class name is loaded from
 * the class path and must be a public concrete {@link Driver} with a public
 * constructor taking no arguments. All the looking up is done once, here, because
 * {@link #register} runs for every system a verification boots.
 */
public final class DriverSource {
    private static final String IDENTIFIER = "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*";
    private static final Pattern CLASS_NAME = Pattern.compile(IDENTIFIER + "(\\." + IDENTIFIER + ")*");

    private final String serviceName;
    private final List<String> classpath;
    private final String driverClassName;
    /** Adds the driver to a registry that does not have its name yet. */
    private final Consumer<DriverRegistry> registration;

    private DriverSource(String serviceName, List<String> classpath, String driverClassName,
                         Consumer<DriverRegistry> registration) {
        this.serviceName = serviceName;
        this.classpath = classpath;
        this.driverClassName = driverClassName;
        this.registration = registration;
    }

    /**
     * The service name a driver class loads under: its own {@code public static final
     * String SERVICE_NAME}, else its simple name. The JUnit extension names drivers by
     * class too, and must agree.
     */
    public static String serviceNameOf(Class<? extends Driver> type) {
        return DriverClass.serviceName(type);
    }

    /**
     * @param driver    a service name (any case) or a class's binary name
     * @param classpath jars and class folders the driver's classes come from, searched in order
     *                  after ntsection's own
     */
    public static DriverSource resolve(String driver, List<Path> classpath) throws DriverSourceException {
        URLClassLoader loader = DriverClassPath.loader(classpath);
        List<String> entries = classpath.stream().map(Path::toString).toList();
        Set<String> builtIn = builtInNames();
        String known = spelling(builtIn, driver);
        // A booted registry has it already: there is nothing to add.
        if (known != null) return new DriverSource(known, entries, null, registry -> { });
        PackagedDrivers packaged = PackagedDrivers.find(loader);
        PackagedDrivers.Packaged provider = packaged.providing(driver);
        if (provider != null) return byPackage(driver, entries, provider, builtIn);
        String knownNames = knownNames(builtIn, packaged);
        if (!CLASS_NAME.matcher(driver).matches()) {
            throw new DriverSourceException("unknown driver \"" + driver + "\": the drivers known by name are " + knownNames);
        }
        DriverClass driverClass;
        try {
            driverClass = DriverClass.load(driver, loader);
        } catch (ClassNotFoundException e) {
            throw new DriverSourceException("no driver " + driver + ": it is neither a service name (the drivers known"
                    + " by name are " + knownNames + ") nor a class in " + DriverClassPath.searched(classpath));
        }
        return byClass(driverClass, entries, builtIn, loader);
    }

    /** A name a package on the user's class path registers: registering that package makes it loadable. */
    private static DriverSource byPackage(String driver, List<String> entries, PackagedDrivers.Packaged provider,
                                          Set<String> builtIn) throws DriverSourceException {
        for (String name : provider.names()) {
            // The package registers all its names at once, and a registry refuses a name twice.
            if (spelling(builtIn, name) != null) {
                throw new DriverSourceException("driver package " + provider.driverPackage().getClass().getName()
                        + " registers " + name + ", a driver ntsection already has: give it another service name");
            }
        }
        return new DriverSource(spelling(provider.names(), driver), entries, null, provider.driverPackage()::register);
    }

    /**
     * A class from the user's class path may not take a built-in driver's name: the
     * registry would keep loading the built-in one. A class from ntsection's own class
     * path under a built-in name is that built-in driver.
     */
    private static DriverSource byClass(DriverClass driverClass, List<String> entries, Set<String> builtIn,
                                        ClassLoader loader) throws DriverSourceException {
        String name = driverClass.serviceName();
        String taken = spelling(builtIn, name);
        if (taken != null && driverClass.definedBy(loader)) {
            throw new DriverSourceException(driverClass.className() + " has the service name " + name
                    + ", which ntsection's driver " + taken + " already has: give it a SERVICE_NAME of its own");
        }
        Supplier<Driver> supplier = driverClass.supplier();
        return new DriverSource(name, entries, driverClass.className(), registry -> registry.register(name, supplier));
    }

    /** The name the driver is registered and loaded by. */
    public String serviceName() {
        return serviceName;
    }

    /** The class path entries as the user gave them, for a finding file to replay with. */
    public List<String> classpath() {
        return classpath;
    }

    /** The driver's class when it was named by class; null when it was named by service name. */
    public String driverClassName() {
        return driverClassName;
    }

    /**
     * Makes the driver loadable by {@link #serviceName()} in a booted system with this
     * registry; a registry that has the name already is left as it is.
     */
    public void register(DriverRegistry registry) {
        if (spelling(registry.names(), serviceName) == null) registration.accept(registry);
    }

    /** The registered spelling of {@code name} among {@code names}, compared as the registry compares, or null. */
    static String spelling(Collection<String> names, String name) {
        for (String candidate : names) {
            if (candidate.equalsIgnoreCase(name)) return candidate;
        }
        return null;
    }

    /** What a freshly booted system can load: the kernel's samples and the packages on ntsection's class path. */
    private static Set<String> builtInNames() {
        Executive system = Executive.boot(ExecutiveConfig.defaults().withPhysicalPages(64));
        try {
            return system.io().driverNames();
        } finally {
            system.mm().physicalMemory().close();
        }
    }

    private static String knownNames(Set<String> builtIn, PackagedDrivers packaged) {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(builtIn);
        names.addAll(packaged.names());
        return String.join(", ", names);
    }
}
