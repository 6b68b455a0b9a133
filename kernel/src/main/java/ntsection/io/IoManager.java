package ntsection.io;

import ntsection.Executive;
import ntsection.ke.ProcessorMode;
import ntsection.mm.MemoryManager;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ob.HandleServices;
import ntsection.ob.KernelObject;
import ntsection.ob.ObjectAttributes;
import ntsection.ob.ObjectManager;

import java.util.Set;

import static ntsection.ke.ProcessorMode.KernelMode;
import static ntsection.nt.NtStatus.STATUS_INVALID_DEVICE_REQUEST;
import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static ntsection.ob.Attributes.OBJ_KERNEL_HANDLE;

/**
 * The I/O manager (Io): driver load and unload, devices and device stacks, file
 * objects, IRPs and MDLs. The methods a driver calls carry the WDK's names
 * (IoCreateDevice is {@link #ioCreateDevice}), so a driver in Java reads like its C.
 * The Nt and Zw file services reach it through {@link #createFile} and
 * {@link #deviceIoControlFile}, which take the previous mode the dispatcher decided.
 */
public final class IoManager {
    public static final int IO_NO_INCREMENT = 0;

    private final Executive system;
    private final ObjectManager ob;
    private final HandleServices handles;
    private final DriverRegistry registry = new DriverRegistry();
    private final Devices devices;
    private final DriverLoader loader;
    private final IrpRoutines irps;
    private final MdlRoutines mdls;
    private final FileServices files;
    private final DeviceControl deviceControl;
    private final ReadWrite readWrite;
    private final LowerDriverContext lowerDriverContext;

    /**
     * IopInvalidDeviceRequest: what every major function a driver leaves unset does.
     */
    private final DispatchRoutine invalidDeviceRequest = (device, irp) -> {
        irp.IoStatus.Status = STATUS_INVALID_DEVICE_REQUEST;
        irp.IoStatus.Information = 0;
        ioCompleteRequest(irp, IO_NO_INCREMENT);
        return STATUS_INVALID_DEVICE_REQUEST;
    };

    /**
     * @param system the executive drivers are given in DriverEntry, and whose system
     *               worker thread loads and unloads them; no driver loads before boot ends
     */
    public IoManager(Executive system, ObjectManager ob, HandleServices handles, MemoryManager mm) {
        this.system = system;
        this.ob = ob;
        this.handles = handles;
        this.devices = new Devices(ob, handles);
        this.loader = new DriverLoader(ob, handles, registry);
        this.irps = new IrpRoutines(ob.kernel());
        this.mdls = new MdlRoutines(mm);
        this.files = new FileServices(ob, this);
        this.deviceControl = new DeviceControl(ob, mm, this);
        this.readWrite = new ReadWrite(ob, mm, this);
        this.lowerDriverContext = new LowerDriverContext(system);
        SampleDrivers.register(registry);
    }

    // ---------------------------------------------------------------- drivers

    /** The drivers this system can load, by service name. */
    public DriverRegistry registry() {
        return registry;
    }

    /** Every registered driver's service name. */
    public Set<String> driverNames() {
        return registry.names();
    }

    /**
     * Loads a registered driver; DriverEntry runs on the system worker thread, in the
     * System process, and an exception it lets escape is
     * SYSTEM_THREAD_EXCEPTION_NOT_HANDLED. STATUS_OBJECT_NAME_NOT_FOUND for a name not
     * registered, STATUS_IMAGE_ALREADY_LOADED for one loaded, else DriverEntry's status.
     */
    public NtStatus loadDriver(String serviceName) {
        return system.systemThreadCode(() -> loader.load(system, serviceName, invalidDeviceRequest));
    }

    /** The unload rule of {@link DriverLoader}, on the system worker thread. */
    public NtStatus unloadDriver(String serviceName) {
        return system.systemThreadCode(() -> loader.unload(serviceName));
    }

    /** NtLoadDriver: the service's registry key, and SeLoadDriverPrivilege for a user-mode caller. */
    public NtStatus ntLoadDriver(String serviceKey, ProcessorMode mode) {
        return DriverServiceKey.check(serviceKey, mode, this::loadDriver);
    }

    /** NtUnloadDriver, checked as {@link #ntLoadDriver}. */
    public NtStatus ntUnloadDriver(String serviceKey, ProcessorMode mode) {
        return DriverServiceKey.check(serviceKey, mode, this::unloadDriver);
    }

    /** The loaded driver with this service name, or null. */
    public DriverObject driver(String serviceName) {
        return loader.find(serviceName);
    }

    // ---------------------------------------------------------------- devices

    /** IoCreateDevice: the default security of a named device, which lets anyone open it. */
    public NtStatus ioCreateDevice(DriverObject driverObject, Object deviceExtension, String deviceName, int deviceType,
                                   int deviceCharacteristics, boolean exclusive, Out<DeviceObject> deviceObject) {
        return ioCreateDeviceSecure(driverObject, deviceExtension, deviceName, deviceType, deviceCharacteristics,
                exclusive, DeviceSecurity.ANYONE, deviceObject);
    }

    /** IoCreateDeviceSecure, the SDDL string given as one of the two descriptors the model knows. */
    public NtStatus ioCreateDeviceSecure(DriverObject driverObject, Object deviceExtension, String deviceName,
                                         int deviceType, int deviceCharacteristics, boolean exclusive,
                                         DeviceSecurity security, Out<DeviceObject> deviceObject) {
        return devices.ioCreateDevice(driverObject, deviceExtension, deviceName, deviceType, deviceCharacteristics,
                exclusive, security, deviceObject);
    }

    /** IoDeleteDevice: deferred while a file object is open on the device. */
    public void ioDeleteDevice(DeviceObject deviceObject) {
        devices.ioDeleteDevice(deviceObject);
    }

    public DeviceObject ioAttachDeviceToDeviceStack(DeviceObject sourceDevice, DeviceObject targetDevice) {
        return devices.ioAttachDeviceToDeviceStack(sourceDevice, targetDevice);
    }

    public void ioDetachDevice(DeviceObject targetDevice) {
        devices.ioDetachDevice(targetDevice);
    }

    public DeviceObject ioGetAttachedDevice(DeviceObject deviceObject) {
        return Devices.ioGetAttachedDevice(deviceObject);
    }

    /**
     * IoGetDeviceObjectPointer: opens the named device from kernel mode, keeps a
     * reference to the file object and closes the handle (so the device sees create and
     * cleanup now, close when the caller dereferences the file object), and returns
     * the top of the device's stack.
     */
    public NtStatus ioGetDeviceObjectPointer(String objectName, int desiredAccess, Out<FileObject> fileObject,
                                             Out<DeviceObject> deviceObject) {
        LongOut handle = new LongOut();
        NtStatus opened = files.open(handle, desiredAccess, ObjectAttributes.named(objectName, OBJ_KERNEL_HANDLE),
                new IoStatusBlock(), KernelMode);
        if (!opened.isSuccess()) return opened;
        Out<KernelObject> file = new Out<>();
        NtStatus referenced = ob.obReferenceObjectByHandle(handle.value, 0, ob.types().file(), KernelMode, file, null);
        handles.close(handle.value, KernelMode);
        if (!referenced.isSuccess()) return referenced;
        fileObject.value = (FileObject) file.value;
        deviceObject.value = Devices.ioGetAttachedDevice(fileObject.value.DeviceObject);
        return STATUS_SUCCESS;
    }

    /**
     * A file object on the device went away: the device's count drops, and at zero a
     * pending delete finishes and a pending unload of its driver runs DriverUnload.
     */
    void releaseDevice(DeviceObject device) {
        synchronized (device) {
            if (--device.ReferenceCount > 0) return;
        }
        if (device.deletePending && !device.deleted) devices.finishDelete(device);
        DriverObject driver = device.DriverObject;
        if (driver.unloadPending && !driver.unloaded && !DriverLoader.hasOpenDevice(driver)) loader.finishUnload(driver);
    }

    // ---------------------------------------------------------------- IRPs

    /**
     * IoCallDriver. A device with another attached above it belongs to a lower-level
     * driver, whose dispatch routine may run in another thread's context: under a
     * controlled scheduler the strategy decides (see {@link LowerDriverContext}).
     */
    public NtStatus ioCallDriver(DeviceObject deviceObject, Irp irp) {
        return lowerDriverContext.call(deviceObject, () -> irps.ioCallDriver(deviceObject, irp));
    }

    /** IoCompleteRequest; the priority boost means nothing without a scheduler and is ignored. */
    public void ioCompleteRequest(Irp irp, int priorityBoost) {
        irps.ioCompleteRequest(irp);
    }

    /**
     * IoSetCompletionRoutine. IRP cancellation is not modelled, so there is no
     * InvokeOnCancel.
     */
    public void ioSetCompletionRoutine(Irp irp, IoCompletionRoutine completionRoutine, Object context,
                                       boolean invokeOnSuccess, boolean invokeOnError) {
        irps.setCompletionRoutine(irp, completionRoutine, context, invokeOnSuccess, invokeOnError);
    }

    public static IoStackLocation ioGetCurrentIrpStackLocation(Irp irp) {
        return IrpRoutines.current(irp);
    }

    public IoStackLocation ioGetNextIrpStackLocation(Irp irp) {
        return irps.next(irp);
    }

    public static void ioSkipCurrentIrpStackLocation(Irp irp) {
        IrpRoutines.skipCurrent(irp);
    }

    public void ioCopyCurrentIrpStackLocationToNext(Irp irp) {
        irps.copyCurrentToNext(irp);
    }

    /** IoMarkIrpPending: the dispatch routine will return STATUS_PENDING and complete the IRP later. */
    public static void ioMarkIrpPending(Irp irp) {
        irp.PendingReturned = true;
    }

    // ---------------------------------------------------------------- MDLs

    /** IoAllocateMdl for a buffer in the current process. */
    public Mdl ioAllocateMdl(long virtualAddress, int length) {
        return mdls.ioAllocateMdl(virtualAddress, length);
    }

    /** MmProbeAndLockPages: raises on an inaccessible page, for the caller's try/except. */
    public void mmProbeAndLockPages(Mdl mdl, ProcessorMode accessMode, LockOperation operation) {
        mdls.mmProbeAndLockPages(mdl, accessMode, operation);
    }

    /** MmGetSystemAddressForMdlSafe: the locked buffer's system address, or 0. Every priority is served alike. */
    public long mmGetSystemAddressForMdlSafe(Mdl mdl, int priority) {
        return mdls.mmGetSystemAddressForMdlSafe(mdl);
    }

    public void mmUnlockPages(Mdl mdl) {
        mdls.mmUnlockPages(mdl);
    }

    public void ioFreeMdl(Mdl mdl) {
        mdls.ioFreeMdl(mdl);
    }

    // ---------------------------------------------------------------- services

    /** NtCreateFile/NtOpenFile on a device name, in the previous mode the dispatcher chose. */
    public NtStatus createFile(LongOut fileHandle, int desiredAccess, ObjectAttributes attributes, IoStatusBlock ioStatus,
                               ProcessorMode mode) {
        return files.open(fileHandle, desiredAccess, attributes, ioStatus, mode);
    }

    /** NtDeviceIoControlFile, in the previous mode the dispatcher chose. */
    public NtStatus deviceIoControlFile(long fileHandle, IoStatusBlock ioStatus, int ioControlCode, long inputBuffer,
                                        int inputBufferLength, long outputBuffer, int outputBufferLength,
                                        ProcessorMode mode) {
        return deviceControl.deviceIoControlFile(fileHandle, ioStatus, ioControlCode, inputBuffer, inputBufferLength,
                outputBuffer, outputBufferLength, mode);
    }

    /** NtReadFile, in the previous mode the dispatcher chose. */
    public NtStatus readFile(long fileHandle, IoStatusBlock ioStatus, long buffer, int length, long byteOffset,
                             ProcessorMode mode) {
        return readWrite.transfer(false, fileHandle, ioStatus, buffer, length, byteOffset, mode);
    }

    /** NtWriteFile, in the previous mode the dispatcher chose. */
    public NtStatus writeFile(long fileHandle, IoStatusBlock ioStatus, long buffer, int length, long byteOffset,
                              ProcessorMode mode) {
        return readWrite.transfer(true, fileHandle, ioStatus, buffer, length, byteOffset, mode);
    }
}
