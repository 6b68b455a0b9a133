package ntsection.ps;

import ntsection.Executive;
import ntsection.testing.Systems;
import org.junit.jupiter.api.Test;

import java.util.List;

import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.*;

/** Creating a process with or without a parent, and the parents NT would refuse. */
class ProcessCreationTest {
    private final Executive system = Systems.boot();
    private final Process alice = system.createProcess("alice", false);

    @Test
    void processWithoutParentStartsWithAnEmptyTable() {
        assertEquals(List.of(), system.createProcess("orphan", false).handleTable().handles());
    }

    @Test
    void childIsAProcessOfItsOwnWithOneThread() {
        Process child = system.createProcess("child", true, alice);
        assertNotEquals(alice.id(), child.id());
        assertEquals(1, child.threads().size());
        assertTrue(child.token().trusted());
        assertSame(child, system.ps().byId(child.id()));
    }

    @Test
    void terminatingParentIsRefused() {
        system.terminateProcess(alice, STATUS_SUCCESS);
        assertThrows(IllegalArgumentException.class, () -> system.createProcess("child", false, alice));
    }

    @Test
    void systemIsRefusedAsAParentBecauseItsTableIsTheKernelTable() {
        assertThrows(IllegalArgumentException.class, () -> system.createProcess("child", false, system.systemProcess()));
    }
}
