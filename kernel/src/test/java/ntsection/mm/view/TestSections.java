package ntsection.mm.view;

import ntsection.Executive;
import ntsection.ke.ProcessorMode;
import ntsection.mm.Section;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.ob.Handles;
import ntsection.ob.ObjectAttributes;
import ntsection.ps.Process;

import static ntsection.mm.PageProtection.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Page-file-backed sections made with NtCreateSection, with a handle in the owner's table. */
final class TestSections {
    private TestSections() {
    }

    /** An unnamed section with a SECTION_ALL_ACCESS handle in {@code owner}'s table. */
    static long create(Executive system, Process owner, long size, int protection, int attributes) {
        return create(system, owner, size, protection, attributes, SECTION_ALL_ACCESS);
    }

    static long create(Executive system, Process owner, long size, int protection, int attributes, int access) {
        return system.inUserMode(owner, () -> {
            LongOut handle = new LongOut();
            NtStatus status = system.nt().ntCreateSection(handle, access, null, size, protection, attributes, 0);
            assertEquals(NtStatus.STATUS_SUCCESS, status);
            return handle.value;
        });
    }

    /**
     * A section object with only its creator's reference, for kernel-only use
     * (system-space views): created by ZwCreateSection, referenced, its handle closed.
     */
    static Section newSection(Executive system, long size, int protection, int attributes) {
        return system.inSystemThread(() -> {
            LongOut handle = new LongOut();
            assertEquals(NtStatus.STATUS_SUCCESS, system.zw().zwCreateSection(handle, SECTION_ALL_ACCESS,
                    ObjectAttributes.unnamed(ntsection.ob.Attributes.OBJ_KERNEL_HANDLE), size, protection, attributes, 0));
            ntsection.nt.Out<ntsection.ob.KernelObject> object = new ntsection.nt.Out<>();
            assertEquals(NtStatus.STATUS_SUCCESS, system.ob().obReferenceObjectByHandle(handle.value, 0,
                    system.ob().types().section(), ProcessorMode.KernelMode, object, null));
            assertEquals(NtStatus.STATUS_SUCCESS, system.zw().zwClose(handle.value));
            return (Section) object.value;
        });
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
