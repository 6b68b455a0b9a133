package ntsection.mm.section;

import ntsection.Executive;
import ntsection.ke.ProcessorMode;
import ntsection.mm.Section;
import ntsection.mm.SectionBasicInformation;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ob.ObjectAttributes;
import ntsection.ob.ObjectBasicInformation;
import ntsection.ps.Process;

import static ntsection.mm.PageProtection.SECTION_ALL_ACCESS;
import static ntsection.mm.SectionInformationClass.SECTION_BASIC_INFORMATION_SIZE;
import static ntsection.mm.SectionInformationClass.SectionBasicInformation;
import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The section services as one user process's code calls them, so tests read like the NT calls they make. */
final class UserSectionCalls {
    private final Executive system;
    private final Process process;

    UserSectionCalls(Executive system, Process process) {
        this.system = system;
        this.process = process;
    }

    NtStatus create(LongOut handle, ObjectAttributes attributes, Long size, int protection, int allocation) {
        return create(handle, SECTION_ALL_ACCESS, attributes, size, protection, allocation, 0);
    }

    NtStatus create(LongOut handle, int access, ObjectAttributes attributes, Long size, int protection, int allocation,
                    long file) {
        return system.inUserMode(process,
                () -> system.nt().ntCreateSection(handle, access, attributes, size, protection, allocation, file));
    }

    /** Creates a section that must succeed and returns its handle. */
    long created(ObjectAttributes attributes, long size, int protection, int allocation) {
        LongOut handle = new LongOut();
        assertEquals(STATUS_SUCCESS, create(handle, attributes, size, protection, allocation));
        return handle.value;
    }

    NtStatus open(LongOut handle, int access, ObjectAttributes attributes) {
        return system.inUserMode(process, () -> system.nt().ntOpenSection(handle, access, attributes));
    }

    NtStatus query(long handle, int informationClass, Out<SectionBasicInformation> information, long length,
                   LongOut returnLength) {
        return system.inUserMode(process,
                () -> system.nt().ntQuerySection(handle, informationClass, information, length, returnLength));
    }

    /** NtQuerySection(SectionBasicInformation) that must succeed. */
    SectionBasicInformation basic(long handle) {
        Out<SectionBasicInformation> information = new Out<>();
        assertEquals(STATUS_SUCCESS, query(handle, SectionBasicInformation, information, SECTION_BASIC_INFORMATION_SIZE, null));
        return information.value;
    }

    /** NtQueryObject(ObjectBasicInformation): the pointer count includes the query's own reference. */
    ObjectBasicInformation counts(long handle) {
        Out<ObjectBasicInformation> information = new Out<>();
        assertEquals(STATUS_SUCCESS, system.inUserMode(process, () -> system.nt().ntQueryObject(handle, information)));
        return information.value;
    }

    NtStatus close(long handle) {
        return system.inUserMode(process, () -> system.nt().ntClose(handle));
    }

    /** The section object behind a handle, as the memory manager sees it (no reference kept). */
    Section section(long handle) {
        Out<Section> section = new Out<>();
        NtStatus status = system.inUserMode(process,
                () -> system.mm().sections().referenceSection(handle, 0, ProcessorMode.UserMode, section));
        assertEquals(STATUS_SUCCESS, status);
        system.ob().obDereferenceObject(section.value);
        return section.value;
    }
}
