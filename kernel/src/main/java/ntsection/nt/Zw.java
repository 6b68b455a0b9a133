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
 * The Zw* entry points drivers call: the same services with previous mode kernel, so
 * arguments are trusted, kernel handles are valid, and no access is checked. A handle
 * a Zw call creates without OBJ_KERNEL_HANDLE still lands in the current process's
 * table, which is what rule SV1 is about.
 */
public final class Zw {
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

    public Zw(Kernel kernel, HandleServices handles, DirectoryServices directories, EventServices events, ProcessManager ps,
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

    public NtStatus zwClose(long handle) {
        return call.zw(mode -> handles.close(handle, mode));
    }

    public NtStatus zwDuplicateObject(long sourceProcess, long sourceHandle, long targetProcess, LongOut targetHandle,
                                      int desiredAccess, int handleAttributes, int options) {
        return call.zw(mode -> handles.duplicate(sourceProcess, sourceHandle, targetProcess, targetHandle,
                desiredAccess, handleAttributes, options, mode));
    }

    public NtStatus zwQueryObject(long handle, Out<ObjectBasicInformation> information) {
        return call.zw(mode -> handles.queryBasic(handle, mode, information));
    }

    public NtStatus zwMakeTemporaryObject(long handle) {
        return call.zw(mode -> handles.makeTemporary(handle, mode));
    }

    public NtStatus zwCreateDirectoryObject(LongOut handle, int desiredAccess, ObjectAttributes attributes) {
        return call.zw(mode -> directories.create(handle, desiredAccess, attributes, mode));
    }

    public NtStatus zwOpenDirectoryObject(LongOut handle, int desiredAccess, ObjectAttributes attributes) {
        return call.zw(mode -> directories.open(handle, desiredAccess, attributes, mode));
    }

    public NtStatus zwCreateEvent(LongOut handle, int desiredAccess, ObjectAttributes attributes, int eventType,
                                  boolean initialState) {
        return call.zw(mode -> events.create(handle, desiredAccess, attributes, eventType, initialState, mode));
    }

    public NtStatus zwOpenEvent(LongOut handle, int desiredAccess, ObjectAttributes attributes) {
        return call.zw(mode -> events.open(handle, desiredAccess, attributes, mode));
    }

    public NtStatus zwOpenProcess(LongOut handle, int desiredAccess, ObjectAttributes attributes, int processId) {
        return call.zw(mode -> ps.openProcess(handle, desiredAccess, attributes, processId, mode));
    }

    public NtStatus zwCreateSection(LongOut handle, int desiredAccess, ObjectAttributes attributes, Long maximumSize,
                                    int pageProtection, int allocationAttributes, long fileHandle) {
        return call.zw(mode -> sections.create(handle, desiredAccess, attributes, maximumSize, pageProtection,
                allocationAttributes, fileHandle, mode));
    }

    public NtStatus zwOpenSection(LongOut handle, int desiredAccess, ObjectAttributes attributes) {
        return call.zw(mode -> sections.open(handle, desiredAccess, attributes, mode));
    }

    public NtStatus zwQuerySection(long handle, int informationClass, Out<SectionBasicInformation> information,
                                   long length, LongOut returnLength) {
        return call.zw(mode -> sections.query(handle, informationClass, information, length, returnLength, mode));
    }

    public NtStatus zwMapViewOfSection(long sectionHandle, long processHandle, LongOut baseAddress, long zeroBits,
                                       long commitSize, LongOut sectionOffset, LongOut viewSize, int inheritDisposition,
                                       int allocationType, int win32Protect) {
        return call.zw(mode -> mm.views().mapViewOfSection(sectionHandle, processHandle, baseAddress, zeroBits, commitSize,
                sectionOffset, viewSize, inheritDisposition, allocationType, win32Protect, mode));
    }

    public NtStatus zwUnmapViewOfSection(long processHandle, long baseAddress) {
        return call.zw(mode -> mm.views().unmapViewOfSection(processHandle, baseAddress, mode));
    }

    public NtStatus zwProtectVirtualMemory(long processHandle, LongOut baseAddress, LongOut regionSize, int newProtect,
                                           LongOut oldProtect) {
        return call.zw(mode -> mm.virtualMemory().protect(processHandle, baseAddress, regionSize, newProtect, oldProtect, mode));
    }

    public NtStatus zwQueryVirtualMemory(long processHandle, long address, int informationClass,
                                         Out<MemoryBasicInformation> information) {
        return call.zw(mode -> mm.virtualMemory().query(processHandle, address, informationClass, information, mode));
    }

    public NtStatus zwAllocateVirtualMemory(long processHandle, LongOut baseAddress, long zeroBits, LongOut regionSize,
                                            int allocationType, int protect) {
        return call.zw(mode -> mm.virtualMemory().allocate(processHandle, baseAddress, zeroBits, regionSize, allocationType,
                protect, mode));
    }

    public NtStatus zwFreeVirtualMemory(long processHandle, LongOut baseAddress, LongOut regionSize, int freeType) {
        return call.zw(mode -> mm.virtualMemory().free(processHandle, baseAddress, regionSize, freeType, mode));
    }

    public NtStatus zwSetInformationObject(long handle, int informationClass, ObjectHandleFlagInformation information,
                                           long length) {
        return call.zw(mode -> handles.setInformation(handle, informationClass, information, length, mode));
    }

    public NtStatus zwCreateFile(LongOut fileHandle, int desiredAccess, ObjectAttributes attributes, IoStatusBlock ioStatus) {
        return call.zw(mode -> io.createFile(fileHandle, desiredAccess, attributes, ioStatus, mode));
    }

    public NtStatus zwOpenFile(LongOut fileHandle, int desiredAccess, ObjectAttributes attributes, IoStatusBlock ioStatus) {
        return call.zw(mode -> io.createFile(fileHandle, desiredAccess, attributes, ioStatus, mode));
    }

    public NtStatus zwDeviceIoControlFile(long fileHandle, IoStatusBlock ioStatus, int ioControlCode, long inputBuffer,
                                          int inputBufferLength, long outputBuffer, int outputBufferLength) {
        return call.zw(mode -> io.deviceIoControlFile(fileHandle, ioStatus, ioControlCode, inputBuffer, inputBufferLength,
                outputBuffer, outputBufferLength, mode));
    }

    public NtStatus zwReadFile(long fileHandle, IoStatusBlock ioStatus, long buffer, int length, long byteOffset) {
        return call.zw(mode -> io.readFile(fileHandle, ioStatus, buffer, length, byteOffset, mode));
    }

    public NtStatus zwWriteFile(long fileHandle, IoStatusBlock ioStatus, long buffer, int length, long byteOffset) {
        return call.zw(mode -> io.writeFile(fileHandle, ioStatus, buffer, length, byteOffset, mode));
    }

    /** ZwLoadDriver: the driver named by the last component of its service key. */
    public NtStatus zwLoadDriver(String serviceKey) {
        return call.zw(mode -> io.ntLoadDriver(serviceKey, mode));
    }

    public NtStatus zwUnloadDriver(String serviceKey) {
        return call.zw(mode -> io.ntUnloadDriver(serviceKey, mode));
    }

    /** ZwWaitForSingleObject: timeout null for INFINITE, else in 100 ns units (negative: relative). */
    public NtStatus zwWaitForSingleObject(long handle, boolean alertable, Long timeout) {
        return call.zw(mode -> waits.waitForSingleObject(handle, timeout, mode));
    }

    public NtStatus zwSetEvent(long handle, LongOut previousState) {
        return call.zw(mode -> events.setOrReset(handle, true, previousState, mode));
    }

    public NtStatus zwResetEvent(long handle, LongOut previousState) {
        return call.zw(mode -> events.setOrReset(handle, false, previousState, mode));
    }

    public NtStatus zwCreateMutant(LongOut handle, int desiredAccess, ObjectAttributes attributes, boolean initialOwner) {
        return call.zw(mode -> mutants.create(handle, desiredAccess, attributes, initialOwner, mode));
    }

    public NtStatus zwReleaseMutant(long handle, LongOut previousCount) {
        return call.zw(mode -> mutants.release(handle, previousCount, mode));
    }
}
