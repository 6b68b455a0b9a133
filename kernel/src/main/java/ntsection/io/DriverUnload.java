package ntsection.io;

/** DRIVER_UNLOAD: deletes the driver's devices and releases what it holds. */
@FunctionalInterface
public interface DriverUnload {
    void unload(DriverObject driverObject);
}
