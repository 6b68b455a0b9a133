package ntsection.nt;

import ntsection.ex.EventServices;
import ntsection.ke.Kernel;
import ntsection.mm.MemoryManager;
import ntsection.mm.SectionBasicInformation;
import ntsection.mm.SectionServices;
import ntsection.ob.DirectoryServices;
import ntsection.ob.HandleServices;
import ntsection.ob.ObjectAttributes;
import ntsection.ob.ObjectBasicInformation;
import ntsection.ps.ProcessManager;

/**
 * The Nt* system services. Called from user-mode code they run with previous mode
 * user: handles are looked up in the caller's table only, kernel handles are invalid,
 * and access is checked. Called from kernel code they keep the thread's previous
 * mode, which in a dispatch routine is still the user's.
 */
public final class Nt {
    private final SystemCall call;
    private final HandleServices handles;
    private final DirectoryServices directories;
    private final EventServices events;
    private final ProcessManager ps;
    private final SectionServices sections;

    public Nt(Kernel kernel, HandleServices handles, DirectoryServices directories, EventServices events, ProcessManager ps,
              MemoryManager mm) {
        this.call = new SystemCall(kernel);
        this.handles = handles;
        this.directories = directories;
        this.events = events;
        this.ps = ps;
        this.sections = mm.sections();
    }

    public NtStatus ntClose(long handle) {
        return call.nt(mode -> handles.close(handle, mode));
    }

    public NtStatus ntDuplicateObject(long sourceProcess, long sourceHandle, long targetProcess, LongOut targetHandle,
                                      int desiredAccess, int handleAttributes, int options) {
        return call.nt(mode -> handles.duplicate(sourceProcess, sourceHandle, targetProcess, targetHandle,
                desiredAccess, handleAttributes, options, mode));
    }

    public NtStatus ntQueryObject(long handle, Out<ObjectBasicInformation> information) {
        return call.nt(mode -> handles.queryBasic(handle, mode, information));
    }

    public NtStatus ntMakeTemporaryObject(long handle) {
        return call.nt(mode -> handles.makeTemporary(handle, mode));
    }

    public NtStatus ntMakePermanentObject(long handle) {
        return call.nt(mode -> handles.makePermanent(handle, mode));
    }

    public NtStatus ntCreateDirectoryObject(LongOut handle, int desiredAccess, ObjectAttributes attributes) {
        return call.nt(mode -> directories.create(handle, desiredAccess, attributes, mode));
    }

    public NtStatus ntOpenDirectoryObject(LongOut handle, int desiredAccess, ObjectAttributes attributes) {
        return call.nt(mode -> directories.open(handle, desiredAccess, attributes, mode));
    }

    public NtStatus ntCreateEvent(LongOut handle, int desiredAccess, ObjectAttributes attributes, int eventType,
                                  boolean initialState) {
        return call.nt(mode -> events.create(handle, desiredAccess, attributes, eventType, initialState, mode));
    }

    public NtStatus ntOpenEvent(LongOut handle, int desiredAccess, ObjectAttributes attributes) {
        return call.nt(mode -> events.open(handle, desiredAccess, attributes, mode));
    }

    public NtStatus ntOpenProcess(LongOut handle, int desiredAccess, ObjectAttributes attributes, int processId) {
        return call.nt(mode -> ps.openProcess(handle, desiredAccess, attributes, processId, mode));
    }

    public NtStatus ntCreateSection(LongOut handle, int desiredAccess, ObjectAttributes attributes, Long maximumSize,
                                    int pageProtection, int allocationAttributes, long fileHandle) {
        return call.nt(mode -> sections.create(handle, desiredAccess, attributes, maximumSize, pageProtection,
                allocationAttributes, fileHandle, mode));
    }

    public NtStatus ntOpenSection(LongOut handle, int desiredAccess, ObjectAttributes attributes) {
        return call.nt(mode -> sections.open(handle, desiredAccess, attributes, mode));
    }

    public NtStatus ntQuerySection(long handle, int informationClass, Out<SectionBasicInformation> information,
                                   long length, LongOut returnLength) {
        return call.nt(mode -> sections.query(handle, informationClass, information, length, returnLength, mode));
    }
}
