package ntsection.drivers.rules;

import ntsection.drivers.KernelSecret;
import ntsection.drivers.attacks.Sv10PhysicalMemoryAttack;
import ntsection.drivers.broker.BrokerExtension;
import ntsection.drivers.broker.PhysicalMemoryBroker;
import ntsection.drivers.broker.PhysicalPageReader;
import ntsection.drivers.twins.Sv10PhysicalMemoryTwin;
import ntsection.mm.Section;
import ntsection.ob.HandleEntry;
import ntsection.ps.Process;
import ntsection.vf.Rule;
import ntsection.vf.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.*;

/** SV10 physical-memory: the broker twin gives \Device\PhysicalMemory to an untrusted process. */
class Sv10PhysicalMemoryRuleTest {
    @Test
    void sv10FlagsTheHandleTheTwinGivesAnUntrustedProcess() {
        Watched twin = new Watched(Sv10PhysicalMemoryTwin.SERVICE_NAME);
        KernelSecret.plant(twin.system);
        Process untrusted = twin.system.createProcess("game.exe", false);
        Section physicalMemory = twin.extension(BrokerExtension.class).physicalMemory;
        int references = physicalMemory.pointerCount();
        assertTrue(twin.asUser(untrusted, user -> Sv10PhysicalMemoryAttack.findSecret(user, KernelSecret.CANARY)) >= 0);
        List<Violation> found = twin.assertOnly(Rule.SV10, Sv10PhysicalMemoryTwin.class, PhysicalMemoryBroker.class);
        assertEquals(1, found.size(), () -> Watched.describe(found));
        Violation violation = found.getFirst();
        assertEquals(untrusted.describe(), violation.process());
        assertTrue(violation.object().contains("\\Device\\PhysicalMemory"), violation::object);
        assertEquals(1, physicalMemory.handleCount(), "the game's handle, the only one");
        assertEquals(references + 1, physicalMemory.pointerCount(), "the game's handle holds one more reference");
    }

    @Test
    void referenceBrokerBreaksNoRule() {
        Watched reference = new Watched(PhysicalMemoryBroker.SERVICE_NAME);
        KernelSecret.plant(reference.system);
        Process untrusted = reference.system.createProcess("game.exe", false);
        Process trusted = reference.system.createProcess("diagnostics.exe", true);
        assertEquals(-1L, (long) reference.asUser(untrusted, user -> Sv10PhysicalMemoryAttack.findSecret(user, KernelSecret.CANARY)));
        long handle = reference.asUser(trusted, user -> {
            PhysicalPageReader reader = new PhysicalPageReader(user);
            assertEquals(STATUS_SUCCESS, reader.open());
            assertEquals(STATUS_SUCCESS, reader.requestHandle());
            assertNotNull(reader.readFrame(0, 16));
            return reader.physicalMemoryHandle();
        });
        reference.assertClean();
        assertEquals(1, reference.extension(BrokerExtension.class).refused);
        HandleEntry entry = trusted.handleTable().lookup(handle);
        assertNotNull(entry, "the trusted tool holds its handle");
        assertEquals(reference.extension(BrokerExtension.class).physicalMemory, entry.object());
        assertEquals(0, untrusted.handleTable().handles().stream()
                .filter(h -> untrusted.handleTable().lookup(h).object() instanceof Section).count());
    }
}
