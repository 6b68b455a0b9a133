package ntsection.mm.section;

import ntsection.Executive;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.ob.ObjectAttributes;
import ntsection.ps.Process;
import ntsection.testing.Systems;
import org.junit.jupiter.api.Test;

import static ntsection.mm.PageProtection.*;
import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Attributes.OBJ_KERNEL_HANDLE;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A FileHandle asks for a file-backed section, which the model has no file system for:
 * every request ends with the status NT gives for its handle, never with a section.
 */
class FileBackedSectionTest {
    private final Executive system = Systems.boot();
    private final Process alice = system.createProcess("alice", false);
    private final UserSectionCalls calls = new UserSectionCalls(system, alice);

    private NtStatus createOver(long file, Long size, int protection, int allocation) {
        LongOut handle = new LongOut();
        NtStatus status = calls.create(handle, SECTION_ALL_ACCESS, null, size, protection, allocation, file);
        assertEquals(0, handle.value);
        return status;
    }

    private long anEvent() {
        LongOut event = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice,
                () -> system.nt().ntCreateEvent(event, 0x1F0003, ObjectAttributes.unnamed(0), 0, false)));
        return event.value;
    }

    @Test
    void aHandleValueThatIsNoHandleIsInvalidHandle() {
        assertEquals(STATUS_INVALID_HANDLE, createOver(0x1234, 0x1000L, PAGE_READWRITE, SEC_COMMIT));
        assertEquals(0, alice.handleTable().count(), "nothing was created");
    }

    @Test
    void aHandleToAnotherTypeIsObjectTypeMismatch() {
        long event = anEvent();
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, createOver(event, 0x1000L, PAGE_READWRITE, SEC_COMMIT));
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, createOver(event, 0x1000L, PAGE_READONLY, SEC_IMAGE));
        long section = calls.created(null, 0x1000, PAGE_READWRITE, SEC_COMMIT);
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, createOver(section, 0x1000L, PAGE_READWRITE, SEC_RESERVE));
        assertEquals(1, system.mm().committedPages(), "only the one real section is charged");
    }

    @Test
    void withAFileAMissingOrZeroSizeIsNotAnError() {
        long event = anEvent();
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, createOver(event, null, PAGE_READWRITE, SEC_COMMIT));
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, createOver(event, 0L, PAGE_READONLY, SEC_COMMIT));
    }

    @Test
    void flagAndProtectionChecksComeBeforeTheFile() {
        assertEquals(STATUS_INVALID_PARAMETER_6, createOver(0x1234, 0x1000L, PAGE_READWRITE, SEC_COMMIT | SEC_RESERVE));
        assertEquals(STATUS_INVALID_PAGE_PROTECTION, createOver(0x1234, 0x1000L, PAGE_NOACCESS, SEC_COMMIT));
        assertEquals(STATUS_INVALID_PAGE_PROTECTION, createOver(0x1234, 0L, PAGE_READONLY | PAGE_READWRITE, SEC_COMMIT));
    }

    @Test
    void largePagesOverAFileAreInvalidParameter6() {
        assertEquals(STATUS_INVALID_PARAMETER_6, createOver(0x1234, 0x400000L, PAGE_READWRITE, SEC_COMMIT | SEC_LARGE_PAGES));
    }

    @Test
    void aKernelHandleAsFileIsInvalidFromUserModeAndTheWrongTypeFromKernelMode() {
        LongOut kernelEvent = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inSystemThread(() -> system.zw().zwCreateEvent(kernelEvent, 0x1F0003,
                ObjectAttributes.unnamed(OBJ_KERNEL_HANDLE), 0, false)));
        assertEquals(STATUS_INVALID_HANDLE, createOver(kernelEvent.value, 0x1000L, PAGE_READWRITE, SEC_COMMIT));
        LongOut handle = new LongOut();
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, system.inSystemThread(() -> system.zw().zwCreateSection(handle,
                SECTION_ALL_ACCESS, null, 0x1000L, PAGE_READWRITE, SEC_COMMIT, kernelEvent.value)));
        assertEquals(STATUS_SUCCESS, system.inSystemThread(() -> system.zw().zwClose(kernelEvent.value)));
    }
}
