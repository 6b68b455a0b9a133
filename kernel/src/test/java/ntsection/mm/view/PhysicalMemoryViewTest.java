package ntsection.mm.view;

import ntsection.Executive;
import ntsection.ke.ProcessorMode;
import ntsection.mm.ControlArea;
import ntsection.mm.Section;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.ob.Handles;
import ntsection.ob.ObjectAttributes;
import ntsection.ps.Process;
import ntsection.testing.Systems;
import org.junit.jupiter.api.Test;

import static ntsection.mm.PageProtection.*;
import static ntsection.nt.NtStatus.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Views of a physical-memory section (the one \Device\PhysicalMemory names): offsets
 * are physical addresses, exempt from the 64 KiB rule, and from user mode they may not
 * run past the end of RAM. A user view of it reads whatever any frame holds (rule SV10).
 */
class PhysicalMemoryViewTest {
    private static final long ME = Handles.NtCurrentProcess;

    private final Executive system = Systems.boot();
    private final Process mallory = system.createProcess("mallory", false);
    private final long ram = system.mm().physicalMemory().sizeInBytes();

    /** A driver hands mallory a handle to a physical-memory section, as a vulnerable broker would. */
    private long physicalMemoryHandle() {
        return system.inDispatchRoutine(mallory, () -> {
            LongOut handle = new LongOut();
            assertEquals(STATUS_SUCCESS, system.zw().zwOpenSection(handle, SECTION_ALL_ACCESS,
                    ObjectAttributes.named(ntsection.mm.MemoryManager.PHYSICAL_MEMORY_NAME, 0)));
            return handle.value;
        });
    }

    private NtStatus map(long section, long offset, long size, LongOut base, LongOut offsetOut, LongOut sizeOut) {
        offsetOut.value = offset;
        sizeOut.value = size;
        return system.inUserMode(mallory, () -> system.nt().ntMapViewOfSection(section, ME, base, 0, 0, offsetOut, sizeOut,
                ViewShare, 0, PAGE_READWRITE));
    }

    @Test
    void anUnalignedPhysicalOffsetIsRoundedDownToItsPage() {
        long section = physicalMemoryHandle();
        LongOut base = new LongOut();
        LongOut offset = new LongOut();
        LongOut size = new LongOut();
        assertEquals(STATUS_SUCCESS, map(section, 0x5000 + 4, PAGE_SIZE - 4, base, offset, size));
        assertEquals(0x5000, offset.value);
        assertEquals(PAGE_SIZE, size.value);
        assertEquals(0, base.value & (PAGE_SIZE - 1));
    }

    @Test
    void userModeMayNotMapPastTheEndOfRam() {
        long section = physicalMemoryHandle();
        assertEquals(STATUS_INVALID_PARAMETER_6, map(section, ram - PAGE_SIZE, 2 * PAGE_SIZE, new LongOut(), new LongOut(),
                new LongOut()));
    }

    @Test
    void aUserViewOfPhysicalMemoryReadsAnotherProcesssSecret() {
        Process alice = system.createProcess("alice", false);
        long aliceSection = TestSections.create(system, alice, 0x10000, PAGE_READWRITE, SEC_COMMIT);
        long aliceView = TestSections.mapInUserMode(system, alice, aliceSection, PAGE_READWRITE);
        system.userCode(alice, () -> system.mm().access().writeLong(aliceView, 0x5EC12E7L));
        int frame = TestSections.object(alice, aliceSection).controlArea().frameOf(0);

        long section = physicalMemoryHandle();
        LongOut base = new LongOut();
        assertEquals(STATUS_SUCCESS, map(section, (long) frame * PAGE_SIZE, PAGE_SIZE, base, new LongOut(), new LongOut()));
        assertEquals(0x5EC12E7L, (long) system.inUserMode(mallory, () -> system.mm().access().readLong(base.value)));
        int free = system.mm().physicalMemory().freeFrames();
        system.terminateProcess(mallory, STATUS_SUCCESS);
        assertEquals(free, system.mm().physicalMemory().freeFrames(), "a physical view owns no frames");
    }
}
