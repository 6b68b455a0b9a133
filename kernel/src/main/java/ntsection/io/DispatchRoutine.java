package ntsection.io;

import ntsection.nt.NtStatus;

/** DRIVER_DISPATCH: the routine a driver sets in MajorFunction[IRP_MJ_xxx]. */
@FunctionalInterface
public interface DispatchRoutine {
    NtStatus dispatch(DeviceObject deviceObject, Irp irp);
}
