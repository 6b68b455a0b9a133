package ntsection.io;

import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ob.HandleServices;
import ntsection.ob.ObjectAttributes;
import ntsection.ob.ObjectManager;

import static ntsection.ke.ProcessorMode.KernelMode;
import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Attributes.*;

/**
 * IoCreateDevice, IoDeleteDevice and the device-stack routines. A named device is a
 * permanent object under its name, and the I/O manager holds one pointer reference on
 * every device until it is deleted, as IoCreateDevice's ObInsertObject bias does.
 * IoDeleteDevice takes the name away at once; the reference goes when no file object
 * is open on the device any more (IopCompleteUnloadOrDelete).
 */
final class Devices {
    private final ObjectManager ob;
    private final HandleServices handles;

    Devices(ObjectManager ob, HandleServices handles) {
        this.ob = ob;
        this.handles = handles;
    }

    NtStatus ioCreateDevice(DriverObject driver, Object extension, String name, int deviceType, int characteristics,
                            boolean exclusive, DeviceSecurity security, Out<DeviceObject> deviceObject) {
        DeviceObject device = ob.obCreateObject(new DeviceObject(ob.types().device(), driver, extension, deviceType,
                characteristics, exclusive, security));
        if (name != null) {
            ob.obReferenceObject(device);
            LongOut handle = new LongOut();
            NtStatus status = ob.obInsertObject(device, ObjectAttributes.named(name, OBJ_PERMANENT | OBJ_KERNEL_HANDLE
                    | OBJ_CASE_INSENSITIVE), 0, KernelMode, handle);
            if (!status.isSuccess()) {
                ob.obDereferenceObject(device);
                return status;
            }
            handles.close(handle.value, KernelMode);
            device.Flags |= DeviceFlags.DO_DEVICE_HAS_NAME;
        }
        // Each device holds its driver object, so a device left behind keeps it visible to leak checks.
        ob.obReferenceObject(driver);
        synchronized (driver.devices) {
            driver.devices.addFirst(device);
        }
        deviceObject.value = device;
        return STATUS_SUCCESS;
    }

    /** The device goes at once when no file object is open on it, else with the last one. */
    void ioDeleteDevice(DeviceObject device) {
        if (device.deletePending || device.deleted) throw new IllegalStateException("IoDeleteDevice twice on " + device);
        device.deletePending = true;
        if ((device.Flags & DeviceFlags.DO_DEVICE_HAS_NAME) != 0) makeTemporary(device);
        synchronized (device) {
            if (device.ReferenceCount > 0) return;
        }
        finishDelete(device);
    }

    /** The last reference of a delete-pending device: off its driver's list, and the I/O manager's reference goes. */
    void finishDelete(DeviceObject device) {
        device.deleted = true;
        synchronized (device.DriverObject.devices) {
            device.DriverObject.devices.remove(device);
        }
        ob.obDereferenceObject(device);
        ob.obDereferenceObject(device.DriverObject);
    }

    /** ObMakeTemporaryObject through a kernel handle: the name goes, as the device has no handles. */
    private void makeTemporary(DeviceObject device) {
        LongOut handle = new LongOut();
        NtStatus opened = ob.obOpenObjectByPointer(device, OBJ_KERNEL_HANDLE, 0, ob.types().device(), KernelMode, handle);
        if (!opened.isSuccess()) throw new IllegalStateException("could not open " + device + " to delete its name: " + opened);
        handles.makeTemporary(handle.value, KernelMode);
        handles.close(handle.value, KernelMode);
    }

    /** IoGetAttachedDevice: the top of the stack the device is in. */
    static DeviceObject ioGetAttachedDevice(DeviceObject device) {
        DeviceObject top = device;
        while (top.AttachedDevice != null) top = top.AttachedDevice;
        return top;
    }

    /**
     * IoAttachDeviceToDeviceStack: puts {@code source} on top of the stack that holds
     * {@code target} and returns the device it now sits on (the old top), or null when
     * the target is being deleted.
     */
    DeviceObject ioAttachDeviceToDeviceStack(DeviceObject source, DeviceObject target) {
        DeviceObject top = ioGetAttachedDevice(target);
        if (top.deletePending || top.DriverObject.unloadPending) return null;
        top.AttachedDevice = source;
        source.attachedTo = top;
        source.StackSize = top.StackSize + 1;
        return top;
    }

    /** IoDetachDevice: takes off whatever device is attached on top of {@code target}. */
    void ioDetachDevice(DeviceObject target) {
        DeviceObject above = target.AttachedDevice;
        if (above == null) throw new IllegalStateException("IoDetachDevice: nothing is attached to " + target);
        above.attachedTo = null;
        target.AttachedDevice = null;
    }
}
