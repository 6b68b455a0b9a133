package ntsection.drivers;

import ntsection.drivers.telemetry.SharedSectionDriver;
import ntsection.drivers.telemetry.TelemetryClient;
import ntsection.drivers.telemetry.TelemetryExtension;
import ntsection.mm.Section;
import ntsection.ps.Process;
import org.junit.jupiter.api.Test;

import static ntsection.drivers.telemetry.SharedSectionIoctl.EVENTS_RECORDED;
import static ntsection.drivers.telemetry.SharedSectionIoctl.HANDLES_GIVEN;
import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.*;

/** Protocol 3: the driver's own reference keeps the section it hands out alive until unload. */
class SharedSectionDriverTest {
    private final DriverSystem telemetry = new DriverSystem(SharedSectionDriver.SERVICE_NAME);
    private final Process client = telemetry.system.createProcess("monitor.exe", false);

    private Section section() {
        return telemetry.extension(TelemetryExtension.class).section;
    }

    @Test
    void clientMapsItsOwnViewAndSeesTheDriversCounters() {
        long[] seen = {-1};
        telemetry.asUser(client, user -> {
            TelemetryClient.session(3, seen).run(user);
            return null;
        });
        assertEquals(3, seen[0]);
        assertEquals(0, client.addressSpace().viewCount(), "the client unmapped its own view");
    }

    @Test
    void theSectionHandleLandsInTheCallersTable() {
        long handle = telemetry.asUser(client, user -> {
            TelemetryClient monitor = new TelemetryClient(user);
            assertEquals(STATUS_SUCCESS, monitor.open());
            assertEquals(STATUS_SUCCESS, monitor.mapTelemetry());
            assertEquals(1, monitor.counter(HANDLES_GIVEN));
            return monitor.sectionHandle();
        });
        assertSame(section(), client.handleTable().lookup(handle).object());
    }

    @Test
    void sharedSectionDriverHoldsAReferenceSoClosingTheHandleCannotDeleteIt() {
        Section section = section();
        int driverReferences = section.pointerCount();
        telemetry.asUser(client, user -> {
            TelemetryClient monitor = new TelemetryClient(user);
            assertEquals(STATUS_SUCCESS, monitor.open());
            assertEquals(STATUS_SUCCESS, monitor.mapTelemetry());
            assertEquals(STATUS_SUCCESS, monitor.unmap());
            assertEquals(STATUS_SUCCESS, monitor.closeSectionHandle());
            return null;
        });
        assertFalse(section.isDeleted());
        assertEquals(0, section.handleCount());
        assertEquals(driverReferences, section.pointerCount());
        long events = telemetry.asUser(client, user -> {
            TelemetryClient again = new TelemetryClient(user);
            assertEquals(STATUS_SUCCESS, again.open());
            assertEquals(STATUS_SUCCESS, again.recordEvent());
            assertEquals(STATUS_SUCCESS, again.mapTelemetry());
            return again.counter(EVENTS_RECORDED);
        });
        assertEquals(1, events, "the same section, still counting");
    }

    @Test
    void sharedSectionReferenceIsReleasedAtUnload() {
        Section section = section();
        assertEquals(STATUS_SUCCESS, telemetry.system.unloadDriver(SharedSectionDriver.SERVICE_NAME));
        assertTrue(section.isDeleted());
    }
}
