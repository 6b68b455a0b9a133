package ntsection.mm.section;

import ntsection.Executive;
import ntsection.mm.SectionBasicInformation;
import ntsection.nt.LongOut;
import ntsection.nt.Out;
import ntsection.ob.ObjectAttributes;
import ntsection.ps.Process;
import ntsection.testing.Systems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static ntsection.mm.PageProtection.*;
import static ntsection.mm.SectionInformationClass.*;
import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Attributes.OBJ_KERNEL_HANDLE;
import static org.junit.jupiter.api.Assertions.*;

/** NtQuerySection: the class and length checks, SECTION_QUERY, and what basic information reports. */
class QuerySectionTest {
    private static final String NAME = "\\BaseNamedObjects\\queried";

    private final Executive system = Systems.boot();
    private final Process alice = system.createProcess("alice", false);
    private final UserSectionCalls calls = new UserSectionCalls(system, alice);
    private final long section = calls.created(ObjectAttributes.named(NAME, 0), 0x3452, PAGE_READONLY, SEC_COMMIT);

    @Test
    void basicInformationReportsBaseSizeAndAttributesAndItsLength() {
        Out<SectionBasicInformation> information = new Out<>();
        LongOut returnLength = new LongOut();
        assertEquals(STATUS_SUCCESS, calls.query(section, SectionBasicInformation, information,
                SECTION_BASIC_INFORMATION_SIZE, returnLength));
        assertEquals(new SectionBasicInformation(0, SEC_COMMIT, 0x4000), information.value);
        assertEquals(SECTION_BASIC_INFORMATION_SIZE, returnLength.value);
    }

    @Test
    void aLargerBufferIsAcceptedAndReturnLengthIsOptional() {
        Out<SectionBasicInformation> information = new Out<>();
        assertEquals(STATUS_SUCCESS, calls.query(section, SectionBasicInformation, information,
                SECTION_BASIC_INFORMATION_SIZE + 1, null));
        assertEquals(0x4000, information.value.size());
    }

    @Test
    void aShortBufferIsInfoLengthMismatch() {
        Out<SectionBasicInformation> information = new Out<>();
        assertEquals(STATUS_INFO_LENGTH_MISMATCH, calls.query(section, SectionBasicInformation, information,
                SECTION_BASIC_INFORMATION_SIZE - 1, null));
        assertNull(information.value);
        assertEquals(STATUS_INFO_LENGTH_MISMATCH, calls.query(section, SectionImageInformation, information,
                SECTION_IMAGE_INFORMATION_SIZE - 1, null));
    }

    @Test
    void imageInformationOfAPageFileSectionIsSectionNotImage() {
        Out<SectionBasicInformation> information = new Out<>();
        assertEquals(STATUS_SECTION_NOT_IMAGE, calls.query(section, SectionImageInformation, information,
                SECTION_IMAGE_INFORMATION_SIZE, null));
        assertNull(information.value);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 99, -1})
    void uncertainUnknownInformationClassIsInvalidInfoClass(int informationClass) {
        assertEquals(STATUS_INVALID_INFO_CLASS, calls.query(section, informationClass, new Out<>(), 0x100, null));
    }

    @Test
    void theClassIsCheckedBeforeTheHandle() {
        assertEquals(STATUS_INVALID_INFO_CLASS, calls.query(0x1234, 7, new Out<>(), 0x100, null));
        assertEquals(STATUS_INFO_LENGTH_MISMATCH, calls.query(0x1234, SectionBasicInformation, new Out<>(), 4, null));
    }

    @Test
    void aNullBufferFromUserModeIsAccessViolation() {
        assertEquals(STATUS_ACCESS_VIOLATION, calls.query(section, SectionBasicInformation, null,
                SECTION_BASIC_INFORMATION_SIZE, null));
    }

    @Test
    void aHandleWithoutSectionQueryIsAccessDeniedFromUserMode() {
        LongOut mapReadOnly = new LongOut();
        assertEquals(STATUS_SUCCESS, calls.open(mapReadOnly, SECTION_MAP_READ, ObjectAttributes.named(NAME, 0)));
        Out<SectionBasicInformation> information = new Out<>();
        assertEquals(STATUS_ACCESS_DENIED, calls.query(mapReadOnly.value, SectionBasicInformation, information,
                SECTION_BASIC_INFORMATION_SIZE, null));
        LongOut mapWriteOnly = new LongOut();
        assertEquals(STATUS_SUCCESS, calls.open(mapWriteOnly, SECTION_MAP_WRITE, ObjectAttributes.named(NAME, 0)));
        assertEquals(STATUS_ACCESS_DENIED, calls.query(mapWriteOnly.value, SectionBasicInformation, information,
                SECTION_BASIC_INFORMATION_SIZE, null));
        LongOut readAndQuery = new LongOut();
        assertEquals(STATUS_SUCCESS, calls.open(readAndQuery, SECTION_MAP_READ | SECTION_QUERY, ObjectAttributes.named(NAME, 0)));
        assertEquals(0x4000, calls.basic(readAndQuery.value).size());
    }

    @Test
    void kernelModeQueriesSkipTheAccessCheck() {
        LongOut kernelHandle = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inSystemThread(() -> system.zw().zwOpenSection(kernelHandle, SECTION_MAP_READ,
                ObjectAttributes.named(NAME, OBJ_KERNEL_HANDLE))));
        Out<SectionBasicInformation> information = new Out<>();
        assertEquals(STATUS_SUCCESS, system.inSystemThread(() -> system.zw().zwQuerySection(kernelHandle.value,
                SectionBasicInformation, information, SECTION_BASIC_INFORMATION_SIZE, null)));
        assertEquals(0x4000, information.value.size());
        assertEquals(STATUS_INVALID_HANDLE, calls.query(kernelHandle.value, SectionBasicInformation, information,
                SECTION_BASIC_INFORMATION_SIZE, null), "a kernel handle is no handle to user mode");
        assertEquals(STATUS_SUCCESS, system.inSystemThread(() -> system.zw().zwClose(kernelHandle.value)));
    }

    @Test
    void aBadOrForeignHandleFailsAsObReferenceObjectByHandleSays() {
        Out<SectionBasicInformation> information = new Out<>();
        assertEquals(STATUS_INVALID_HANDLE, calls.query(0, SectionBasicInformation, information, SECTION_BASIC_INFORMATION_SIZE, null));
        assertEquals(STATUS_INVALID_HANDLE, calls.query(0x1234, SectionBasicInformation, information, SECTION_BASIC_INFORMATION_SIZE, null));
        LongOut event = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice, () -> system.nt().ntCreateEvent(event, 0x1F0003, ObjectAttributes.unnamed(0), 0, false)));
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, calls.query(event.value, SectionBasicInformation, information,
                SECTION_BASIC_INFORMATION_SIZE, null));
    }
}
