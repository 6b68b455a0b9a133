package ntsection.verifier;

import ntsection.io.Driver;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.function.Supplier;

import static ntsection.verifier.DriverSourceException.describe;

/**
 * A driver named by its class ({@code --driver com.example.MyDriver}). Everything that
 * would stop the I/O manager from constructing it is checked when it is loaded, and it is
 * constructed once there, so the user hears of it before a verification starts rather
 * than as a failure in every explored run.
 */
final class DriverClass {
    private final Class<? extends Driver> type;
    private final Constructor<? extends Driver> constructor;

    private DriverClass(Class<? extends Driver> type, Constructor<? extends Driver> constructor) {
        this.type = type;
        this.constructor = constructor;
    }

    static DriverClass load(String name, ClassLoader loader) throws ClassNotFoundException, DriverSourceException {
        Class<?> found;
        try {
            found = Class.forName(name, false, loader);
        } catch (LinkageError e) {
            throw new DriverSourceException("class " + name + " could not be loaded: " + describe(e));
        }
        if (!Driver.class.isAssignableFrom(found)) {
            throw new DriverSourceException(name + " is not a driver: it does not implement ntsection.io.Driver");
        }
        int modifiers = found.getModifiers();
        if (found.isInterface() || Modifier.isAbstract(modifiers)) {
            throw new DriverSourceException(name + " is abstract: ntsection needs a concrete class to construct");
        }
        if (!Modifier.isPublic(modifiers)) {
            throw new DriverSourceException(name + " is not public: ntsection can only construct a public class");
        }
        Class<? extends Driver> type = found.asSubclass(Driver.class);
        DriverClass driver;
        try {
            driver = new DriverClass(type, type.getConstructor());
        } catch (NoSuchMethodException e) {
            throw new DriverSourceException(name + " has no public constructor without arguments, which ntsection"
                    + " calls to construct it");
        }
        driver.construct();
        return driver;
    }

    String className() {
        return type.getName();
    }

    String serviceName() {
        return serviceName(type);
    }

    /**
     * The class's own SERVICE_NAME, as ntsection's drivers declare it, else its simple
     * name. Only a field the class itself declares counts: an inherited one is the
     * parent driver's name (each twin extends the driver it breaks).
     */
    static String serviceName(Class<?> type) {
        try {
            Field field = type.getDeclaredField("SERVICE_NAME");
            int modifiers = field.getModifiers();
            if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers)
                    && field.get(null) instanceof String name && !name.isBlank()) {
                return name;
            }
        } catch (NoSuchFieldException | IllegalAccessException e) {
            // No usable constant: the simple name below is the rule for such a class.
        }
        return type.getSimpleName();
    }

    /** Whether the class came from {@code loader} itself rather than from ntsection's own class path. */
    boolean definedBy(ClassLoader loader) {
        return type.getClassLoader() == loader;
    }

    /**
     * A new instance per load, as the registry wants. The constructor already ran once
     * at resolve time; one that fails only later is told to whoever loads the driver.
     */
    Supplier<Driver> supplier() {
        return () -> {
            try {
                return construct();
            } catch (DriverSourceException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        };
    }

    private Driver construct() throws DriverSourceException {
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new DriverSourceException("constructing " + type.getName() + " threw " + describe(e.getCause()));
        } catch (ExceptionInInitializerError e) {
            throw new DriverSourceException("initialising class " + type.getName() + " threw " + describe(e.getCause()));
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new DriverSourceException("constructing " + type.getName() + " failed: " + describe(e));
        }
    }
}
