package ntsection.io;

import ntsection.Executive;
import ntsection.ke.CurrentThread;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.ob.HandleServices;
import ntsection.ob.ObjectAttributes;
import ntsection.ob.ObjectManager;
import ntsection.ps.Thread;
import ntsection.vf.DriverCall;
import ntsection.vf.VerifierHooks;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import static ntsection.ke.ProcessorMode.KernelMode;
import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Attributes.*;

/**
 * Driver load and unload (IopLoadDriver, IopUnloadDriver), run on a system thread.
 * Load names the driver object \Driver\NAME, calls DriverEntry, and clears
 * DO_DEVICE_INITIALIZING on the devices it made; a failing DriverEntry leaves no
 * driver object. Unload follows NT's rule: a driver without an unload routine cannot
 * be unloaded (STATUS_INVALID_DEVICE_REQUEST); while a file object is open on one of
 * its devices the unload is only marked pending, new opens of its devices fail with
 * STATUS_NO_SUCH_DEVICE, and DriverUnload runs when the last of them closes.
 */
final class DriverLoader {
    private final ObjectManager ob;
    private final HandleServices handles;
    private final DriverRegistry registry;
    /**
     * Loaded drivers by lower-cased service name. No lock of its own: a pending unload
     * finishes in a thread that holds the object manager's lock, and two loads of one
     * name are serialised by its \Driver name, which only one of them can insert.
     */
    private final Map<String, DriverObject> loaded = new ConcurrentHashMap<>();

    DriverLoader(ObjectManager ob, HandleServices handles, DriverRegistry registry) {
        this.ob = ob;
        this.handles = handles;
        this.registry = registry;
    }

    NtStatus load(Executive system, String serviceName, DispatchRoutine invalidRequest) {
        Supplier<? extends Driver> code = registry.find(serviceName);
        if (code == null) return STATUS_OBJECT_NAME_NOT_FOUND;
        String key = serviceName.toLowerCase();
        if (loaded.containsKey(key)) return STATUS_IMAGE_ALREADY_LOADED;
        String name = "\\Driver\\" + serviceName;
        DriverObject driver = ob.obCreateObject(new DriverObject(ob.types().driver(), name, invalidRequest));
        LongOut handle = new LongOut();
        NtStatus inserted = ob.obInsertObject(driver, ObjectAttributes.named(name, OBJ_PERMANENT | OBJ_KERNEL_HANDLE
                | OBJ_CASE_INSENSITIVE), 0, KernelMode, handle);
        if (!inserted.isSuccess()) return inserted;
        NtStatus entry = driverEntry(code.get(), system, driver, DriverServiceKey.SERVICES + serviceName);
        if (!entry.isSuccess()) {
            removeName(handle.value);
            return entry;
        }
        handles.close(handle.value, KernelMode);
        for (DeviceObject device : driver.devices()) device.Flags &= ~DeviceFlags.DO_DEVICE_INITIALIZING;
        loaded.put(key, driver);
        return STATUS_SUCCESS;
    }

    /** DriverEntry, told to a verifier around it. */
    private NtStatus driverEntry(Driver code, Executive system, DriverObject driver, String registryPath) {
        VerifierHooks hooks = ob.kernel().hooks();
        if (hooks == VerifierHooks.NONE) return code.driverEntry(system, driver, registryPath);
        Thread thread = CurrentThread.get();
        hooks.driverCalled(thread, driver, DriverCall.DRIVER_ENTRY, null, null);
        try {
            return code.driverEntry(system, driver, registryPath);
        } finally {
            hooks.driverReturned(thread, driver, DriverCall.DRIVER_ENTRY, null, null);
        }
    }

    DriverObject find(String serviceName) {
        return loaded.get(serviceName.toLowerCase());
    }

    NtStatus unload(String serviceName) {
        DriverObject driver = find(serviceName);
        if (driver == null) return STATUS_OBJECT_NAME_NOT_FOUND;
        if (driver.DriverUnload == null) return STATUS_INVALID_DEVICE_REQUEST;
        if (driver.unloadPending) return STATUS_SUCCESS;
        driver.unloadPending = true;
        if (hasOpenDevice(driver)) return STATUS_SUCCESS;
        finishUnload(driver);
        return STATUS_SUCCESS;
    }

    static boolean hasOpenDevice(DriverObject driver) {
        for (DeviceObject device : driver.devices()) if (device.ReferenceCount > 0) return true;
        return false;
    }

    /** DriverUnload, then the driver object's name and the loader's reference go. */
    void finishUnload(DriverObject driver) {
        VerifierHooks hooks = ob.kernel().hooks();
        if (hooks == VerifierHooks.NONE) {
            driver.DriverUnload.unload(driver);
        } else {
            Thread thread = CurrentThread.get();
            hooks.driverCalled(thread, driver, DriverCall.DRIVER_UNLOAD, null, null);
            try {
                driver.DriverUnload.unload(driver);
            } finally {
                hooks.driverReturned(thread, driver, DriverCall.DRIVER_UNLOAD, null, null);
            }
        }
        driver.unloaded = true;
        loaded.values().remove(driver);
        LongOut handle = new LongOut();
        NtStatus opened = ob.obOpenObjectByPointer(driver, OBJ_KERNEL_HANDLE, 0, ob.types().driver(), KernelMode, handle);
        if (!opened.isSuccess()) throw new IllegalStateException("could not open " + driver + " to unload it: " + opened);
        removeName(handle.value);
    }

    /** Makes the driver object temporary and closes the handle: its name and last reference go. */
    private void removeName(long handle) {
        handles.makeTemporary(handle, KernelMode);
        handles.close(handle, KernelMode);
    }
}
