package ntsection.io;

import ntsection.ob.ObjectType;
import ntsection.ob.KernelObject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * DRIVER_OBJECT, named \Driver\NAME: the major-function table (every entry starts as
 * the I/O manager's invalid-request routine, as IopInvalidDeviceRequest fills it), the
 * unload routine, and the devices the driver created, newest first as
 * DeviceObject->NextDevice chains them.
 */
public final class DriverObject extends KernelObject {
    public final DispatchRoutine[] MajorFunction = new DispatchRoutine[IrpMajor.IRP_MJ_MAXIMUM_FUNCTION + 1];
    public DriverUnload DriverUnload;
    public final String DriverName;
    final List<DeviceObject> devices = new ArrayList<>();
    /** An unload was asked for while a device was still open: it happens when the last open goes. */
    boolean unloadPending;
    boolean unloaded;

    DriverObject(ObjectType type, String driverName, DispatchRoutine invalidRequest) {
        super(type);
        this.DriverName = driverName;
        Arrays.fill(MajorFunction, invalidRequest);
    }

    /** The driver's devices, newest first. */
    public List<DeviceObject> devices() {
        synchronized (devices) {
            return List.copyOf(devices);
        }
    }

    public boolean isUnloadPending() {
        return unloadPending;
    }

    public boolean isUnloaded() {
        return unloaded;
    }
}
