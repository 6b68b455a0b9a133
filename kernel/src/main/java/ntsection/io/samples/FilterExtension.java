package ntsection.io.samples;

import ntsection.io.DeviceObject;
import ntsection.io.IrpMajor;
import ntsection.ps.Thread;

/** The filter device's extension: the device below it, and the IRPs it passed down. */
public final class FilterExtension {
    public DeviceObject lowerDevice;
    public final int[] passed = new int[IrpMajor.IRP_MJ_MAXIMUM_FUNCTION + 1];
    public Thread lastThread;
}
