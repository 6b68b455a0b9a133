package ntsection.mm.section;

import ntsection.Executive;
import ntsection.mm.MemoryManager;
import ntsection.mm.Section;
import ntsection.mm.SectionBasicInformation;
import ntsection.nt.LongOut;
import ntsection.nt.Out;
import ntsection.ob.ObjectAttributes;
import ntsection.ob.ObjectBasicInformation;
import ntsection.ps.Process;
import ntsection.testing.Systems;
import org.junit.jupiter.api.Test;

import static ntsection.mm.PageProtection.*;
import static ntsection.mm.SectionInformationClass.SECTION_BASIC_INFORMATION_SIZE;
import static ntsection.mm.SectionInformationClass.SectionBasicInformation;
import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Attributes.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * \Device\PhysicalMemory (rule SV10's ground): made at boot, permanent, over every
 * frame, and openable only by a kernel-mode probe.
 */
class PhysicalMemorySectionTest {
    private static final ObjectAttributes NAME = ObjectAttributes.named(MemoryManager.PHYSICAL_MEMORY_NAME, 0);

    private final Executive system = Systems.boot();
    private final Process alice = system.createProcess("alice", false);
    private final Process admin = system.createProcess("admin", true);
    private final UserSectionCalls aliceCalls = new UserSectionCalls(system, alice);

    @Test
    void bootMakesAPermanentKernelExclusiveSectionOverEveryFrame() {
        Section section = system.mm().physicalMemorySection();
        assertEquals(MemoryManager.PHYSICAL_MEMORY_NAME, section.path());
        assertTrue(section.isPermanent());
        assertTrue(section.isKernelExclusive());
        assertEquals(0, section.handleCount(), "the boot handle is closed again");
        assertEquals(1, section.pointerCount(), "the name's reference keeps it");
        assertEquals(PAGE_EXECUTE_READWRITE, section.protection());
        assertEquals(4096L * PAGE_SIZE, section.size());
        assertTrue(section.controlArea().isPhysicalMemory());
        assertEquals(4096, section.controlArea().pageCount());
        assertEquals(4096, system.mm().physicalMemory().freeFrames(), "it owns no frame");
        assertEquals(0, system.mm().committedPages(), "and charges no commit");
    }

    @Test
    void userModeOpensAreAccessDeniedWhateverTheAccessOrTrust() {
        LongOut handle = new LongOut();
        assertEquals(STATUS_ACCESS_DENIED, aliceCalls.open(handle, SECTION_MAP_READ, NAME));
        assertEquals(STATUS_ACCESS_DENIED, aliceCalls.open(handle, SECTION_ALL_ACCESS, NAME));
        assertEquals(STATUS_ACCESS_DENIED, new UserSectionCalls(system, admin).open(handle, SECTION_MAP_READ, NAME));
        assertEquals(0, handle.value);
        assertEquals(0, alice.handleTable().count());
    }

    @Test
    void ntOpenSectionInADispatchRoutineKeepsTheUsersPreviousModeAndIsDenied() {
        LongOut handle = new LongOut();
        assertEquals(STATUS_ACCESS_DENIED, system.inDispatchRoutine(alice,
                () -> system.nt().ntOpenSection(handle, SECTION_MAP_READ, NAME)));
    }

    @Test
    void aKernelOpenWithForceAccessCheckIsDenied() {
        LongOut handle = new LongOut();
        assertEquals(STATUS_ACCESS_DENIED, system.inSystemThread(() -> system.zw().zwOpenSection(handle, SECTION_MAP_READ,
                ObjectAttributes.named(MemoryManager.PHYSICAL_MEMORY_NAME, OBJ_KERNEL_HANDLE | OBJ_FORCE_ACCESS_CHECK))));
    }

    @Test
    void aZwOpenWithoutObjKernelHandleLandsInTheCurrentProcessAndTheUserCanCloseIt() {
        LongOut handle = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inDispatchRoutine(alice,
                () -> system.zw().zwOpenSection(handle, SECTION_ALL_ACCESS, NAME)));
        assertEquals(1, alice.handleTable().count());
        ObjectBasicInformation counts = aliceCalls.counts(handle.value);
        assertEquals(1, counts.handleCount());
        assertEquals(3, counts.pointerCount(), "name, handle and the query's own reference");
        assertEquals(SECTION_ALL_ACCESS, counts.grantedAccess());
        assertEquals(OBJ_PERMANENT, counts.attributes());
        SectionBasicInformation basic = aliceCalls.basic(handle.value);
        assertEquals(4096L * PAGE_SIZE, basic.size());
        assertEquals(STATUS_SUCCESS, aliceCalls.close(handle.value));
        assertEquals(1, system.mm().physicalMemorySection().pointerCount());
    }

    @Test
    void aKernelHandleFromASystemThreadIsInvisibleToUserMode() {
        LongOut handle = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inSystemThread(() -> system.zw().zwOpenSection(handle, SECTION_MAP_READ,
                ObjectAttributes.named(MemoryManager.PHYSICAL_MEMORY_NAME, OBJ_KERNEL_HANDLE))));
        assertEquals(STATUS_INVALID_HANDLE, aliceCalls.close(handle.value));
        Out<SectionBasicInformation> information = new Out<>();
        assertEquals(STATUS_SUCCESS, system.inSystemThread(() -> system.zw().zwQuerySection(handle.value,
                SectionBasicInformation, information, SECTION_BASIC_INFORMATION_SIZE, null)));
        assertEquals(SEC_COMMIT, information.value.attributes(), "model choice: reported as a committed section");
        assertEquals(STATUS_SUCCESS, system.inSystemThread(() -> system.zw().zwClose(handle.value)));
    }

    @Test
    void closingEveryHandleLeavesThePermanentSection() {
        LongOut handle = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inSystemThread(() -> system.zw().zwOpenSection(handle, SECTION_MAP_READ,
                ObjectAttributes.named(MemoryManager.PHYSICAL_MEMORY_NAME, OBJ_KERNEL_HANDLE))));
        assertEquals(STATUS_SUCCESS, system.inSystemThread(() -> system.zw().zwClose(handle.value)));
        assertFalse(system.mm().physicalMemorySection().isDeleted());
        assertFalse(system.mm().physicalMemorySection().controlArea().isReleased());
        assertEquals(STATUS_SUCCESS, system.inSystemThread(() -> system.zw().zwOpenSection(handle, SECTION_MAP_READ,
                ObjectAttributes.named(MemoryManager.PHYSICAL_MEMORY_NAME, OBJ_KERNEL_HANDLE))));
        assertEquals(STATUS_SUCCESS, system.inSystemThread(() -> system.zw().zwClose(handle.value)));
    }

    @Test
    void nobodyCanCreateASecondSectionByThatName() {
        LongOut handle = new LongOut();
        assertEquals(STATUS_OBJECT_NAME_COLLISION, system.inSystemThread(() -> system.zw().zwCreateSection(handle,
                SECTION_ALL_ACCESS, ObjectAttributes.named(MemoryManager.PHYSICAL_MEMORY_NAME, OBJ_KERNEL_HANDLE),
                0x1000L, PAGE_READWRITE, SEC_COMMIT, 0)));
        assertEquals(STATUS_ACCESS_DENIED, aliceCalls.create(handle,
                ObjectAttributes.named(MemoryManager.PHYSICAL_MEMORY_NAME, OBJ_OPENIF), 0x1000L, PAGE_READWRITE, SEC_COMMIT),
                "OBJ_OPENIF from user mode would open it, and is refused like an open");
        assertEquals(0, system.mm().committedPages());
    }
}
