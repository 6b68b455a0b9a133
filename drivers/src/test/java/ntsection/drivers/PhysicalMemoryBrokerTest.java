package ntsection.drivers;

import ntsection.drivers.broker.BrokerExtension;
import ntsection.drivers.broker.PhysicalMemoryBroker;
import ntsection.drivers.broker.PhysicalPageReader;
import ntsection.mm.MemoryManager;
import ntsection.mm.Section;
import ntsection.nt.LongOut;
import ntsection.ob.ObjectAttributes;
import ntsection.ps.Process;
import org.junit.jupiter.api.Test;

import static ntsection.mm.PageProtection.SECTION_MAP_READ;
import static ntsection.nt.NtStatus.STATUS_ACCESS_DENIED;
import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.*;

/** \Device\PhysicalMemory reaches user mode only through the broker, and only trusted callers. */
class PhysicalMemoryBrokerTest {
    private final DriverSystem broker = new DriverSystem(PhysicalMemoryBroker.SERVICE_NAME);
    private final Section physicalMemory = broker.system.mm().physicalMemorySection();

    private boolean holdsPhysicalMemory(Process process) {
        return process.handleTable().handles().stream()
                .anyMatch(handle -> process.handleTable().lookup(handle).object() == physicalMemory);
    }

    @Test
    void userModeCannotOpenPhysicalMemoryItself() {
        Process tool = broker.system.createProcess("tool.exe", true);
        LongOut handle = new LongOut();
        assertNotEquals(STATUS_SUCCESS, broker.asUser(tool, user -> user.nt().ntOpenSection(handle, SECTION_MAP_READ,
                ObjectAttributes.named(MemoryManager.PHYSICAL_MEMORY_NAME, 0))));
    }

    @Test
    void brokerRefusesUntrustedProcesses() {
        Process untrusted = broker.system.createProcess("game.exe", false);
        assertEquals(STATUS_ACCESS_DENIED, broker.asUser(untrusted, user -> {
            PhysicalPageReader reader = new PhysicalPageReader(user);
            assertEquals(STATUS_SUCCESS, reader.open());
            return reader.requestHandle();
        }));
        assertFalse(holdsPhysicalMemory(untrusted));
        assertEquals(1, broker.extension(BrokerExtension.class).refused);
    }

    @Test
    void brokerGivesTrustedProcessAHandle() {
        Process trusted = broker.system.createProcess("memdiag.exe", true);
        byte[] page = broker.asUser(trusted, user -> {
            PhysicalPageReader reader = new PhysicalPageReader(user);
            assertEquals(STATUS_SUCCESS, reader.open());
            assertEquals(STATUS_SUCCESS, reader.requestHandle());
            return reader.readFrame(0, 16);
        });
        assertNotNull(page, "the read-only handle maps a frame");
        assertTrue(holdsPhysicalMemory(trusted));
    }

    @Test
    void brokerReleasesItsReferenceAtUnload() {
        int withBroker = physicalMemory.pointerCount();
        assertEquals(STATUS_SUCCESS, broker.system.unloadDriver(PhysicalMemoryBroker.SERVICE_NAME));
        assertEquals(withBroker - 1, physicalMemory.pointerCount());
        assertFalse(physicalMemory.isDeleted(), "the section is permanent");
    }
}
