package ntsection.drivers.twins;

import ntsection.drivers.DriverSystem;
import ntsection.drivers.telemetry.SharedSectionDriver;
import ntsection.drivers.telemetry.TelemetryClient;
import ntsection.drivers.telemetry.TelemetryExtension;
import ntsection.mm.Section;
import ntsection.ps.Process;
import ntsection.testing.Systems;
import org.junit.jupiter.api.Test;

import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.*;

/** SV9: once every client has exited and the twin unloaded, its section and frames are still there. */
class Sv9DereferenceTwinTest {
    private static final int FREE_AT_BOOT = Systems.boot().mm().physicalMemory().freeFrames();

    private DriverSystem telemetry;
    private Section section;

    /** A client session, the client's exit, then the driver's unload. */
    private void runAndUnload(String serviceName) {
        telemetry = new DriverSystem(serviceName);
        section = telemetry.extension(TelemetryExtension.class).section;
        Process monitor = telemetry.system.createProcess("monitor.exe", false);
        long[] seen = {-1};
        telemetry.asUser(monitor, user -> {
            TelemetryClient.session(2, seen).run(user);
            return null;
        });
        assertEquals(2, seen[0]);
        telemetry.system.terminateProcess(monitor, STATUS_SUCCESS);
        assertEquals(STATUS_SUCCESS, telemetry.system.unloadDriver(serviceName));
    }

    @Test
    void twinLeaksItsSectionAndFramesPastUnload() {
        runAndUnload(Sv9DereferenceTwin.SERVICE_NAME);
        assertFalse(section.isDeleted());
        assertTrue(telemetry.system.ob().liveObjects().contains(section));
        assertTrue(telemetry.system.mm().physicalMemory().freeFrames() < FREE_AT_BOOT, "the section's frames are not returned");
    }

    @Test
    void referenceDriverLeavesNothingBehind() {
        runAndUnload(SharedSectionDriver.SERVICE_NAME);
        assertTrue(section.isDeleted());
        assertFalse(telemetry.system.ob().liveObjects().contains(section));
        assertEquals(FREE_AT_BOOT, telemetry.system.mm().physicalMemory().freeFrames());
    }
}
