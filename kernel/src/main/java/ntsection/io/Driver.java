package ntsection.io;

import ntsection.Executive;
import ntsection.nt.NtStatus;

/**
 * A driver's code: the class the I/O manager loads by name. Its DriverEntry fills in
 * the driver object's major-function table and unload routine and creates the
 * driver's devices, as the C routine of the same name does.
 */
@FunctionalInterface
public interface Driver {
    NtStatus driverEntry(Executive system, DriverObject driverObject, String registryPath);
}
