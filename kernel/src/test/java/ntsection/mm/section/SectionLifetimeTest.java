package ntsection.mm.section;

import ntsection.Executive;
import ntsection.ke.ProcessorMode;
import ntsection.mm.ControlArea;
import ntsection.mm.PhysicalMemory;
import ntsection.mm.Section;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ob.ObjectAttributes;
import ntsection.ps.Process;
import ntsection.testing.Systems;
import org.junit.jupiter.api.Test;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static ntsection.mm.PageProtection.*;
import static ntsection.nt.NtStatus.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Lifetime: the name goes with the last handle, the object with the last reference,
 * and the frames and commit with the control area, which a mapped view keeps although
 * it holds no reference to the section object.
 */
class SectionLifetimeTest {
    private static final String NAME = "\\BaseNamedObjects\\lifetime";

    private final Executive system = Systems.boot();
    private final PhysicalMemory memory = system.mm().physicalMemory();
    private final int freeAtBoot = memory.freeFrames();
    private final Process alice = system.createProcess("alice", false);
    private final UserSectionCalls calls = new UserSectionCalls(system, alice);

    private static void touch(ControlArea area, int pages) {
        for (int page = 0; page < pages; page++) area.page(page).set(JAVA_BYTE, 0, (byte) 0x5A);
    }

    @Test
    void theLastHandleOfAnUnmappedSectionFreesItsFramesAndCommit() {
        long handle = calls.created(null, 0x8000, PAGE_READWRITE, SEC_COMMIT);
        Section section = calls.section(handle);
        touch(section.controlArea(), 8);
        assertEquals(freeAtBoot - 8, memory.freeFrames());
        assertEquals(8, system.mm().committedPages());
        assertEquals(STATUS_SUCCESS, calls.close(handle));
        assertTrue(section.isDeleted());
        assertTrue(section.controlArea().isReleased());
        assertEquals(freeAtBoot, memory.freeFrames());
        assertEquals(0, system.mm().committedPages());
    }

    @Test
    void untouchedPagesNeverTakeAFrame() {
        long handle = calls.created(null, 0x100000, PAGE_READWRITE, SEC_COMMIT);
        ControlArea area = calls.section(handle).controlArea();
        assertEquals(freeAtBoot, memory.freeFrames());
        assertEquals(-1, area.frameOf(3));
        touch(area, 1);
        assertEquals(freeAtBoot - 1, memory.freeFrames());
        assertEquals(STATUS_SUCCESS, calls.close(handle));
        assertEquals(freeAtBoot, memory.freeFrames());
    }

    @Test
    void theNameGoesWithTheLastHandleWhileAKernelReferenceKeepsTheObject() {
        long handle = calls.created(ObjectAttributes.named(NAME, 0), 0x2000, PAGE_READWRITE, SEC_COMMIT);
        Out<Section> referenced = new Out<>();
        assertEquals(STATUS_SUCCESS, system.inDispatchRoutine(alice, () -> system.mm().sections()
                .referenceSection(handle, SECTION_MAP_READ, ProcessorMode.UserMode, referenced)));
        Section section = referenced.value;
        touch(section.controlArea(), 2);
        assertEquals(3, section.pointerCount(), "handle, name and the driver's reference");

        assertEquals(STATUS_SUCCESS, calls.close(handle));
        assertEquals(0, section.handleCount());
        assertEquals(1, section.pointerCount());
        assertNull(section.path());
        LongOut reopened = new LongOut();
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, calls.open(reopened, SECTION_QUERY, ObjectAttributes.named(NAME, 0)));
        assertFalse(section.isDeleted());
        assertEquals(freeAtBoot - 2, memory.freeFrames());

        system.ob().obDereferenceObject(section);
        assertTrue(section.isDeleted());
        assertEquals(freeAtBoot, memory.freeFrames());
        assertEquals(0, system.mm().committedPages());
    }

    @Test
    void aViewKeepsTheFramesButNotTheObjectOrItsName() {
        long handle = calls.created(ObjectAttributes.named(NAME, 0), 0x4000, PAGE_READWRITE, SEC_COMMIT);
        Section section = calls.section(handle);
        ControlArea area = section.controlArea();
        int pointersBefore = section.pointerCount();
        area.viewMapped();
        assertEquals(pointersBefore, section.pointerCount(), "mapping adds no reference to the section object");
        touch(area, 4);

        assertEquals(STATUS_SUCCESS, calls.close(handle));
        assertTrue(section.isDeleted());
        assertFalse(area.isReleased());
        assertEquals(0x5A, area.page(3).get(JAVA_BYTE, 0), "the data stays with the view");
        assertEquals(freeAtBoot - 4, memory.freeFrames());
        LongOut again = new LongOut();
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, calls.open(again, SECTION_QUERY, ObjectAttributes.named(NAME, 0)));
        NtStatus recreated = calls.create(again, ObjectAttributes.named(NAME, 0), 0x1000L, PAGE_READWRITE, SEC_COMMIT);
        assertEquals(STATUS_SUCCESS, recreated, "the name is free: a new section, not STATUS_OBJECT_NAME_EXISTS");
        assertNotSame(section, calls.section(again.value));

        area.viewUnmapped();
        assertTrue(area.isReleased());
        assertEquals(freeAtBoot, memory.freeFrames());
        assertEquals(1, system.mm().committedPages(), "only the new section's page");
        assertEquals(STATUS_SUCCESS, calls.close(again.value));
        assertEquals(0, system.mm().committedPages());
    }

    @Test
    void reusedFramesComeBackZeroed() {
        long first = calls.created(null, 0x1000, PAGE_READWRITE, SEC_COMMIT);
        ControlArea area = calls.section(first).controlArea();
        touch(area, 1);
        int frame = area.frameOf(0);
        assertEquals(STATUS_SUCCESS, calls.close(first));
        long second = calls.created(null, 0x1000, PAGE_READWRITE, SEC_COMMIT);
        ControlArea next = calls.section(second).controlArea();
        assertEquals(0, next.page(0).get(JAVA_BYTE, 0));
        assertEquals(frame, next.frameOf(0), "the same frame, handed out again after zeroing");
        assertEquals(STATUS_SUCCESS, calls.close(second));
    }

    @Test
    void processExitClosesTheHandlesAndFreesUnmappedSections() {
        long handle = calls.created(ObjectAttributes.named(NAME, 0), 0x3000, PAGE_READWRITE, SEC_COMMIT);
        Section section = calls.section(handle);
        touch(section.controlArea(), 3);
        system.terminateProcess(alice, STATUS_SUCCESS);
        assertTrue(section.isDeleted());
        assertEquals(freeAtBoot, memory.freeFrames());
        assertEquals(0, system.mm().committedPages());
    }

    @Test
    void aReservedSectionGivesBackWhatWasCommittedLater() {
        long handle = calls.created(null, 0x10000, PAGE_READWRITE, SEC_RESERVE);
        ControlArea area = calls.section(handle).controlArea();
        assertEquals(STATUS_SUCCESS, area.commit(4, 3));
        touch(area, 0);
        area.page(5);
        assertEquals(freeAtBoot - 1, memory.freeFrames());
        assertThrows(IllegalStateException.class, () -> area.page(0), "a reserved page has no storage");
        assertEquals(STATUS_SUCCESS, calls.close(handle));
        assertEquals(freeAtBoot, memory.freeFrames());
        assertEquals(0, system.mm().committedPages());
    }
}
