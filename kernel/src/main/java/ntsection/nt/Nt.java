package ntsection.nt;

import ntsection.ex.EventServices;
import ntsection.io.IoManager;
import ntsection.io.IoStatusBlock;
import ntsection.ex.MutantServices;
import ntsection.ex.WaitServices;
import ntsection.ke.Kernel;
import ntsection.mm.MemoryManager;
import ntsection.mm.SectionBasicInformation;
import ntsection.mm.SectionServices;
import ntsection.mm.MemoryBasicInformation;
import ntsection.ob.DirectoryServices;
import ntsection.ob.HandleServices;
import ntsection.ob.ObjectAttributes;
import ntsection.ob.ObjectBasicInformation;
import ntsection.ob.ObjectHandleFlagInformation;
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
    private final MutantServices mutants;
    private final WaitServices waits;
    private final ProcessManager ps;
    private final SectionServices sections;
    private final MemoryManager mm;
    private final IoManager io;

    public Nt(Kernel kernel, HandleServices handles, DirectoryServices directories, EventServices events, ProcessManager ps,
              MemoryManager mm, IoManager io, MutantServices mutants, WaitServices waits) {
        this.call = new SystemCall(kernel);
        this.handles = handles;
        this.directories = directories;
        this.events = events;
        this.mutants = mutants;
        this.waits = waits;
        this.ps = ps;
        this.sections = mm.sections();
        this.mm = mm;
        this.io = io;
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

    public NtStatus ntMapViewOfSection(long sectionHandle, long processHandle, LongOut baseAddress, long zeroBits,
                                       long commitSize, LongOut sectionOffset, LongOut viewSize, int inheritDisposition,
                                       int allocationType, int win32Protect) {
        return call.nt(mode -> mm.views().mapViewOfSection(sectionHandle, processHandle, baseAddress, zeroBits, commitSize,
                sectionOffset, viewSize, inheritDisposition, allocationType, win32Protect, mode));
    }

    public NtStatus ntUnmapViewOfSection(long processHandle, long baseAddress) {
        return call.nt(mode -> mm.views().unmapViewOfSection(processHandle, baseAddress, mode));
    }

    public NtStatus ntProtectVirtualMemory(long processHandle, LongOut baseAddress, LongOut regionSize, int newProtect,
                                           LongOut oldProtect) {
        return call.nt(mode -> mm.virtualMemory().protect(processHandle, baseAddress, regionSize, newProtect, oldProtect, mode));
    }

    public NtStatus ntQueryVirtualMemory(long processHandle, long address, int informationClass,
                                         Out<MemoryBasicInformation> information) {
        return call.nt(mode -> mm.virtualMemory().query(processHandle, address, informationClass, information, mode));
    }

    public NtStatus ntAllocateVirtualMemory(long processHandle, LongOut baseAddress, long zeroBits, LongOut regionSize,
                                            int allocationType, int protect) {
        return call.nt(mode -> mm.virtualMemory().allocate(processHandle, baseAddress, zeroBits, regionSize, allocationType,
                protect, mode));
    }

    public NtStatus ntFreeVirtualMemory(long processHandle, LongOut baseAddress, LongOut regionSize, int freeType) {
        return call.nt(mode -> mm.virtualMemory().free(processHandle, baseAddress, regionSize, freeType, mode));
    }

    public NtStatus ntSetInformationObject(long handle, int informationClass, ObjectHandleFlagInformation information,
                                           long length) {
        return call.nt(mode -> handles.setInformation(handle, informationClass, information, length, mode));
    }

    /** NtCreateFile on a device name: the model's devices have no files beneath them, so it opens the device. */
    public NtStatus ntCreateFile(LongOut fileHandle, int desiredAccess, ObjectAttributes attributes, IoStatusBlock ioStatus) {
        return call.nt(mode -> io.createFile(fileHandle, desiredAccess, attributes, ioStatus, mode));
    }

    public NtStatus ntOpenFile(LongOut fileHandle, int desiredAccess, ObjectAttributes attributes, IoStatusBlock ioStatus) {
        return call.nt(mode -> io.createFile(fileHandle, desiredAccess, attributes, ioStatus, mode));
    }

    public NtStatus ntDeviceIoControlFile(long fileHandle, IoStatusBlock ioStatus, int ioControlCode, long inputBuffer,
                                          int inputBufferLength, long outputBuffer, int outputBufferLength) {
        return call.nt(mode -> io.deviceIoControlFile(fileHandle, ioStatus, ioControlCode, inputBuffer, inputBufferLength,
                outputBuffer, outputBufferLength, mode));
    }

    public NtStatus ntReadFile(long fileHandle, IoStatusBlock ioStatus, long buffer, int length, long byteOffset) {
        return call.nt(mode -> io.readFile(fileHandle, ioStatus, buffer, length, byteOffset, mode));
    }

    public NtStatus ntWriteFile(long fileHandle, IoStatusBlock ioStatus, long buffer, int length, long byteOffset) {
        return call.nt(mode -> io.writeFile(fileHandle, ioStatus, buffer, length, byteOffset, mode));
    }

    /** NtLoadDriver: the driver named by the last component of its service key. */
    public NtStatus ntLoadDriver(String serviceKey) {
        return call.nt(mode -> io.ntLoadDriver(serviceKey, mode));
    }

    public NtStatus ntUnloadDriver(String serviceKey) {
        return call.nt(mode -> io.ntUnloadDriver(serviceKey, mode));
    }

    /** NtWaitForSingleObject: timeout null for INFINITE, else in 100 ns units (negative: relative). */
    public NtStatus ntWaitForSingleObject(long handle, boolean alertable, Long timeout) {
        return call.nt(mode -> waits.waitForSingleObject(handle, timeout, mode));
    }

    public NtStatus ntSetEvent(long handle, LongOut previousState) {
        return call.nt(mode -> events.setOrReset(handle, true, previousState, mode));
    }

    public NtStatus ntResetEvent(long handle, LongOut previousState) {
        return call.nt(mode -> events.setOrReset(handle, false, previousState, mode));
    }

    public NtStatus ntCreateMutant(LongOut handle, int desiredAccess, ObjectAttributes attributes, boolean initialOwner) {
        return call.nt(mode -> mutants.create(handle, desiredAccess, attributes, initialOwner, mode));
    }

    public NtStatus ntReleaseMutant(long handle, LongOut previousCount) {
        return call.nt(mode -> mutants.release(handle, previousCount, mode));
    }
}
