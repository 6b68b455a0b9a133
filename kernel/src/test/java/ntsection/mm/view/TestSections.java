package ntsection.mm.view;

import ntsection.Executive;
import ntsection.ke.ProcessorMode;
import ntsection.mm.ControlArea;
import ntsection.mm.PageProtection;
import ntsection.mm.Section;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.ob.Handles;
import ntsection.ob.ObjectAttributes;
import ntsection.ob.ObjectManager;
import ntsection.ps.Process;

import static ntsection.mm.PageProtection.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Page-file-backed sections made the way NtCreateSection will make them (the service
 * itself is another engineer's), with a handle in the owner's table.
 */
final class TestSections {
    private TestSections() {
    }

    /** An unnamed section with a SECTION_ALL_ACCESS handle in {@code owner}'s table. */
    static long create(Executive system, Process owner, long size, int protection, int attributes) {
        return create(system, owner, size, protection, attributes, SECTION_ALL_ACCESS);
    }

    static long create(Executive system, Process owner, long size, int protection, int attributes, int access) {
        return system.inUserMode(owner, () -> {
            Section section = newSection(system, size, protection, attributes);
            LongOut handle = new LongOut();
            NtStatus status = system.ob().obInsertObject(section, ObjectAttributes.unnamed(0), access, ProcessorMode.UserMode, handle);
            assertEquals(NtStatus.STATUS_SUCCESS, status);
            return handle.value;
        });
    }

    /** A section object with only its creator's reference, for kernel-only use (system-space views). */
    static Section newSection(Executive system, long size, int protection, int attributes) {
        ObjectManager ob = system.ob();
        long rounded = PageProtection.pageRoundUp(size);
        ControlArea controlArea = ControlArea.pageFileBacked(system.mm().physicalMemory(), (int) (rounded >>> PAGE_SHIFT),
                (attributes & SEC_COMMIT) != 0);
        return ob.obCreateObject(new Section(ob.types().section(), controlArea, rounded, protection, attributes));
    }

    static Section object(Process owner, long handle) {
        return (Section) owner.handleTable().lookup(handle).object();
    }

    /** NtMapViewOfSection from the process's own user-mode code, whole section, at a system-chosen base. */
    static long mapInUserMode(Executive system, Process process, long section, int protect) {
        LongOut base = new LongOut();
        LongOut size = new LongOut();
        NtStatus status = system.inUserMode(process, () -> system.nt().ntMapViewOfSection(section, Handles.NtCurrentProcess,
                base, 0, 0, null, size, ViewUnmap, 0, protect));
        assertEquals(NtStatus.STATUS_SUCCESS, status);
        return base.value;
    }
}
