package ntsection.drivers;

import ntsection.io.IoManager;
import ntsection.io.Irp;
import ntsection.nt.NtStatus;

/** The last lines of every dispatch routine: fill in IoStatus and IoCompleteRequest. */
public final class Irps {
    /** What IRP_MJ_CREATE reports in Information when it opened an existing device. */
    public static final long FILE_OPENED = 1;

    private Irps() {
    }

    public static NtStatus complete(IoManager io, Irp irp, NtStatus status, long information) {
        irp.IoStatus.Status = status;
        irp.IoStatus.Information = information;
        io.ioCompleteRequest(irp, IoManager.IO_NO_INCREMENT);
        return status;
    }
}
