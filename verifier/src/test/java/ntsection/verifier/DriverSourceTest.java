package ntsection.verifier;

import ntsection.Executive;
import ntsection.ExecutiveConfig;
import ntsection.io.Driver;
import ntsection.io.DriverObject;
import ntsection.io.samples.EchoDriver;
import ntsection.nt.NtStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static ntsection.nt.NtStatus.STATUS_INVALID_DEVICE_REQUEST;
import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DriverSourceTest {
    private static final String COUNTER = "com.example.outside.CounterDriver";
    private static final String PACKAGE = "com.example.outside.OutsidePackage";
    private static final String[] OUTSIDE = {"com/example/outside/CounterDriver.java", "com/example/outside/OutsidePackage.java"};

    @TempDir
    Path folder;

    private final Executive system = Executive.boot(ExecutiveConfig.defaults().withPhysicalPages(64));

    @AfterEach
    void shutDown() {
        system.mm().physicalMemory().close();
    }

    @Test
    void aBuiltInDriverResolvesByNameInAnyCase() throws DriverSourceException {
        DriverSource source = DriverSource.resolve("ECHO", List.of());
        assertEquals("echo", source.serviceName());
        assertNull(source.driverClassName());
        assertEquals(List.of(), source.classpath());
        source.register(system.io().registry());
        assertEquals(STATUS_SUCCESS, system.loadDriver(source.serviceName()));
    }

    @Test
    void aBuiltInDriverNamedByItsClassIsTheBuiltInOne() throws DriverSourceException {
        DriverSource source = DriverSource.resolve(EchoDriver.class.getName(), List.of());
        assertEquals("echo", source.serviceName());
        assertEquals(EchoDriver.class.getName(), source.driverClassName());
        source.register(system.io().registry());
        assertEquals(STATUS_SUCCESS, system.loadDriver("echo"));
    }

    @Test
    void aDriverNeverSeenLoadsByClassFromAJarAndServesItsDevice() throws Exception {
        Path jar = DriverJars.jar(folder, "counter.jar", null, OUTSIDE);
        DriverSource source = DriverSource.resolve(COUNTER, List.of(jar));
        assertEquals("outside-counter", source.serviceName(), "the class's SERVICE_NAME");
        assertEquals(COUNTER, source.driverClassName());
        assertEquals(List.of(jar.toString()), source.classpath());
        source.register(system.io().registry());
        source.register(system.io().registry());
        assertEquals(STATUS_SUCCESS, system.loadDriver(source.serviceName()));

        CounterClient client = new CounterClient(system);
        assertEquals(STATUS_SUCCESS, client.add(5));
        assertEquals(STATUS_SUCCESS, client.add(7));
        assertEquals(12, client.total());
        assertEquals(STATUS_INVALID_DEVICE_REQUEST, client.control(CounterClient.IOCTL_COUNTER_ADD + 4, 0, 0, 0, 0));
        assertEquals(STATUS_SUCCESS, client.close());
        assertEquals(STATUS_SUCCESS, system.unloadDriver(source.serviceName()));
    }

    @Test
    void aJarsDriverPackageMakesItsNamesWork() throws Exception {
        Path jar = DriverJars.jar(folder, "counter.jar", PACKAGE, OUTSIDE);
        DriverSource source = DriverSource.resolve("Outside-Counter", List.of(jar));
        assertEquals("outside-counter", source.serviceName(), "the spelling the package registers");
        assertNull(source.driverClassName());
        source.register(system.io().registry());
        source.register(system.io().registry());
        assertEquals(STATUS_SUCCESS, system.loadDriver("outside-counter"));
        assertEquals(CounterClient.DEVICE_NAME, system.io().driver("outside-counter").devices().getFirst().path());
    }

    @Test
    void aClassFolderIsAClassPathEntryToo() throws Exception {
        Path classes = DriverJars.classes(folder, OUTSIDE);
        DriverSource source = DriverSource.resolve(COUNTER, List.of(classes));
        source.register(system.io().registry());
        assertEquals(STATUS_SUCCESS, system.loadDriver(source.serviceName()));
        assertNotNull(system.io().driver("outside-counter"));
    }

    @Test
    void aDriverWithoutServiceNameGoesByItsSimpleNameAndAParentsNameIsNotInherited() throws DriverSourceException {
        assertEquals("PlainDriver", DriverSource.resolve(PlainDriver.class.getName(), List.of()).serviceName());
        assertEquals("named", DriverSource.resolve(NamedDriver.class.getName(), List.of()).serviceName());
        DriverSource derived = DriverSource.resolve(DerivedDriver.class.getName(), List.of());
        assertEquals("DerivedDriver", derived.serviceName());
        derived.register(system.io().registry());
        assertEquals(STATUS_SUCCESS, system.loadDriver("DerivedDriver"));
    }

    @Test
    void withoutItsClassPathTheOutsideDriverIsNotFound() {
        String message = refused(COUNTER);
        assertContains(message, "no driver " + COUNTER, "echo-filter", "no --classpath given");
    }

    @Test
    void anUnknownNameListsTheNamesThatAreKnown() throws IOException {
        Path jar = DriverJars.jar(folder, "counter.jar", PACKAGE, OUTSIDE);
        assertContains(refused("outside-countr", jar), "unknown driver \"outside-countr\"", "echo-filter",
                "outside-counter");
    }

    @Test
    void aClassNotOnTheClassPathNamesTheEntriesSearched() throws IOException {
        Path jar = DriverJars.jar(folder, "counter.jar", null, OUTSIDE);
        assertContains(refused("com.example.outside.GaugeDriver", jar), "no driver com.example.outside.GaugeDriver",
                "a class in ntsection's own classes and " + jar);
    }

    @Test
    void aClassThatIsNotADriverIsRefused() throws IOException {
        Path jar = DriverJars.jar(folder, "counter.jar", null, OUTSIDE);
        assertContains(refused(PACKAGE, jar), PACKAGE + " is not a driver", "ntsection.io.Driver");
    }

    @Test
    void aDriverClassNtsectionCannotConstructIsRefused() {
        assertContains(refused(IdleDriver.class.getName()), "is abstract");
        assertContains(refused(HiddenDriver.class.getName()), "is not public");
        assertContains(refused(ConfiguredDriver.class.getName()), "no public constructor without arguments");
        assertContains(refused(ThrowingDriver.class.getName()), "constructing " + ThrowingDriver.class.getName(),
                "IllegalStateException: no licence key");
    }

    @Test
    void aUserDriverMayNotTakeTheNameOfOneNtsectionHas() throws IOException {
        Path jar = DriverJars.jar(folder, "impostor.jar", null, "com/example/impostor/EchoImpostor.java");
        assertContains(refused("com.example.impostor.EchoImpostor", jar), "service name echo",
                "ntsection's driver echo already has");
    }

    @Test
    void aMissingClassPathEntryIsNamed() {
        Path missing = folder.resolve("gone.jar");
        assertContains(refused("echo", missing), "class path entry " + missing + " does not exist");
    }

    @Test
    void aClassPathEntryThatIsNoJarIsNamed() throws IOException {
        Path notes = Files.writeString(folder.resolve("notes.txt"), "not a zip");
        assertContains(refused(COUNTER, notes), "class path entry " + notes + " is neither a class folder nor a readable jar");
    }

    private static String refused(String driver, Path... classpath) {
        return assertThrows(DriverSourceException.class, () -> DriverSource.resolve(driver, List.of(classpath)))
                .getMessage();
    }

    private static void assertContains(String message, String... parts) {
        assertTrue(message.lines().count() == 1, "one line: " + message);
        for (String part : parts) assertTrue(message.contains(part), "\"" + part + "\" in: " + message);
    }

    public abstract static class IdleDriver implements Driver {
        @Override
        public NtStatus driverEntry(Executive system, DriverObject driverObject, String registryPath) {
            return STATUS_SUCCESS;
        }
    }

    public static final class PlainDriver extends IdleDriver {
    }

    public static class NamedDriver extends IdleDriver {
        public static final String SERVICE_NAME = "named";
    }

    public static final class DerivedDriver extends NamedDriver {
    }

    static final class HiddenDriver extends IdleDriver {
    }

    public static final class ConfiguredDriver extends IdleDriver {
        public ConfiguredDriver(String key) {
        }
    }

    public static final class ThrowingDriver extends IdleDriver {
        public ThrowingDriver() {
            throw new IllegalStateException("no licence key");
        }
    }
}
