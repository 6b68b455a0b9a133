package ntsection.drivers.twins;

import ntsection.drivers.SystemWorkerCall;
import ntsection.drivers.keystore.KernelOnlyDriver;
import ntsection.drivers.keystore.KeyStoreExtension;
import ntsection.nt.NtStatus;

import static ntsection.nt.NtStatus.STATUS_SUCCESS;

/**
 * The key store broken for SV1 (kernel-handle): it makes its secret on the first request,
 * in the dispatch routine, and opens the section handle without OBJ_KERNEL_HANDLE, so the
 * handle lands in the requesting process's handle table. The view still lies in the System
 * process; only the handle leaks.
 */
public final class KeyStoreSv1KernelHandleTwin extends KernelOnlyDriver {
    public static final String SERVICE_NAME = "sv1-kernel-handle";

    /** Nothing at load: the secret waits for the first request. */
    @Override
    protected NtStatus installSecret(KeyStoreExtension extension) {
        return STATUS_SUCCESS;
    }

    @Override
    protected NtStatus readSecret(KeyStoreExtension extension, byte[] into) {
        if (extension.secretView == 0) {
            // SV1 broken: created in the caller's context with no OBJ_KERNEL_HANDLE, the handle is the caller's.
            NtStatus status = createSecret(extension, 0, extension.systemProcessHandle);
            if (!status.isSuccess()) return status;
            SystemWorkerCall.run(system, () -> {
                fillSecret(extension);
                return STATUS_SUCCESS;
            });
        }
        return super.readSecret(extension, into);
    }
}
