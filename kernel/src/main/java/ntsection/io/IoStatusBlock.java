package ntsection.io;

import ntsection.nt.NtStatus;

/** IO_STATUS_BLOCK: the final status of a request and its Information (bytes transferred, for device control). */
public final class IoStatusBlock {
    public NtStatus Status = NtStatus.STATUS_SUCCESS;
    public long Information;
}
