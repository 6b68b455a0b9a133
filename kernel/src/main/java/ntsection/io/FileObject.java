package ntsection.io;

import ntsection.ob.KernelObject;
import ntsection.ob.ObjectType;

/**
 * FILE_OBJECT: one open of a device. The handle count and pointer count of its object
 * header decide the two last IRPs it sees: IRP_MJ_CLEANUP when its last handle closes
 * (the File type's close procedure, IopCloseFile), IRP_MJ_CLOSE when its last
 * reference goes (the delete procedure, IopDeleteFile). FsContext is the driver's
 * per-open state.
 */
public final class FileObject extends KernelObject {
    /** The device the open named (not the top of its stack: IRPs go to the top). */
    public final DeviceObject DeviceObject;
    public Object FsContext;
    /** The create IRP succeeded: only then does the file see cleanup and close. */
    boolean opened;
    boolean cleanedUp;
    boolean closed;

    FileObject(ObjectType type, DeviceObject device) {
        super(type);
        this.DeviceObject = device;
    }

    public boolean isCleanedUp() {
        return cleanedUp;
    }

    public boolean isClosed() {
        return closed;
    }
}
