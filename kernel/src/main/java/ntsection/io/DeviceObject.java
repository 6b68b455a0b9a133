package ntsection.io;

import ntsection.ob.KernelObject;
import ntsection.ob.ObjectType;

/**
 * DEVICE_OBJECT: the driver that owns it, the device attached on top of it
 * (AttachedDevice) and the one it is attached to, the stack size an IRP sent to it
 * needs, its flags and type, its security, and a device extension of the driver's own
 * class. ReferenceCount counts the file objects opened by this device's name (their
 * IRPs go to the top of its stack, but the count stays here, as in NT); the I/O
 * manager defers an unload or a delete while it is not zero, as IopCheckUnloadDriver
 * and IopCompleteUnloadOrDelete do. The count changes under the device's monitor.
 */
public final class DeviceObject extends KernelObject {
    public final DriverObject DriverObject;
    public DeviceObject AttachedDevice;
    /** The device this one is attached on top of (DEVOBJ_EXTENSION.AttachedTo). */
    DeviceObject attachedTo;
    public int StackSize = 1;
    public int Flags;
    public final int DeviceType;
    public final int Characteristics;
    public final Object DeviceExtension;
    public final DeviceSecurity security;
    int ReferenceCount;
    /** IoDeleteDevice was called while files were open: the object goes with the last one. */
    boolean deletePending;
    boolean deleted;

    DeviceObject(ObjectType type, DriverObject driver, Object extension, int deviceType, int characteristics,
                 boolean exclusive, DeviceSecurity security) {
        super(type);
        this.DriverObject = driver;
        this.DeviceExtension = extension;
        this.DeviceType = deviceType;
        this.Characteristics = characteristics;
        this.security = security;
        this.Flags = DeviceFlags.DO_DEVICE_INITIALIZING | (exclusive ? DeviceFlags.DO_EXCLUSIVE : 0);
    }

    /** The device extension as the driver's own class, as a C driver casts DeviceExtension. */
    public <E> E extension(Class<E> type) {
        return type.cast(DeviceExtension);
    }

    /** The file objects open on this device or through it. */
    public int referenceCount() {
        return ReferenceCount;
    }

    public boolean isDeletePending() {
        return deletePending;
    }

    /** The device this one is attached to, or null at the bottom of a stack. */
    public DeviceObject attachedTo() {
        return attachedTo;
    }
}
