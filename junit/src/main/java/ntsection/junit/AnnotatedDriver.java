package ntsection.junit;

import ntsection.io.Driver;
import ntsection.verifier.DriverSource;
import ntsection.verifier.explore.Subject;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.function.Supplier;

/**
 * The driver a {@link VerifyDriver} names, as the verifier's subject. Every mistake is
 * told before exploring, as the test's failure, in words that say what to change: an
 * exploration that starts with a driver it cannot construct would fail in every run.
 */
final class AnnotatedDriver {
    private AnnotatedDriver() {
    }

    static Subject subject(VerifyDriver annotation, String test) {
        boolean byClass = annotation.value() != Driver.class;
        boolean byService = !annotation.service().isEmpty();
        if (!byClass && !byService) {
            throw Mistake.in(test, "names no driver: give the driver class (value) or a shipped driver's service name"
                    + " (service)");
        }
        if (byClass && byService) {
            throw Mistake.in(test, "names both the driver class " + annotation.value().getName() + " and the service \""
                    + annotation.service() + "\": give one");
        }
        KnownDrivers known = KnownDrivers.booted();
        if (byService) {
            String service = known.spelling(annotation.service());
            if (service == null) {
                throw Mistake.in(test, "names the service \"" + annotation.service() + "\", which no booted system"
                        + " knows; known services: " + String.join(", ", known.names()));
            }
            return Subject.shipped(service);
        }
        return ofClass(annotation.value(), known, test);
    }

    private static Subject ofClass(Class<? extends Driver> type, KnownDrivers known, String test) {
        Supplier<Driver> construction = construction(type, test);
        String service = DriverSource.serviceNameOf(type);
        String shipped = known.spelling(service);
        if (shipped != null) {
            // The registry refuses a name twice, and leaving the class unregistered would
            // verify the other driver while the test passed.
            if (!known.registeredFrom(shipped).equals(Origin.of(type))) {
                throw Mistake.in(test, "names " + type.getName() + ", whose service name " + service + " is taken by"
                        + " ntsection's driver " + shipped + ": give the class a public static final String SERVICE_NAME"
                        + " of its own");
            }
            // A shipped driver named by its class (a twin, say): verified with its known interface.
            return Subject.shipped(shipped);
        }
        // Once now, so that a constructor that throws fails the test with its own words
        // rather than as a driver failure in every explored run.
        construction.get();
        // Named by its class, as a replay resolves it again from the class path kept.
        return new Subject(type.getName(), service, registry -> registry.register(service, construction),
                Origin.of(type));
    }

    private static Supplier<Driver> construction(Class<? extends Driver> type, String test) {
        int modifiers = type.getModifiers();
        if (type.isInterface() || Modifier.isAbstract(modifiers)) {
            throw Mistake.in(test, "names " + type.getName() + ", which is abstract: the verifier constructs the driver");
        }
        if (!Modifier.isPublic(modifiers)) {
            throw Mistake.in(test, "names " + type.getName() + ", which is not public: the verifier can only construct"
                    + " a public class");
        }
        Constructor<? extends Driver> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw Mistake.in(test, "names " + type.getName() + ", which has no public constructor without arguments,"
                    + " the one the verifier calls");
        }
        return () -> {
            try {
                return constructor.newInstance();
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("constructing " + type.getName() + " threw " + e.getCause(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("constructing " + type.getName() + " failed: " + e, e);
            }
        };
    }
}
