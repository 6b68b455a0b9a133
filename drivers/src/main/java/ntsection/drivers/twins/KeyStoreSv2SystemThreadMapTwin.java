package ntsection.drivers.twins;

import ntsection.drivers.keystore.KernelOnlyDriver;
import ntsection.drivers.keystore.KeyStoreExtension;
import ntsection.nt.NtStatus;

import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static ntsection.ob.Attributes.OBJ_KERNEL_HANDLE;
import static ntsection.ob.Handles.NtCurrentProcess;

/**
 * The key store broken for SV2 (system-thread-map): the section handle is still a kernel
 * handle, but the private view is mapped in the dispatch routine, in the requesting
 * process's context, so the secret's pages appear in that process's address space.
 */
public final class KeyStoreSv2SystemThreadMapTwin extends KernelOnlyDriver {
    public static final String SERVICE_NAME = "sv2-system-thread-map";

    /** Nothing at load: the secret waits for the first request. */
    @Override
    protected NtStatus installSecret(KeyStoreExtension extension) {
        return STATUS_SUCCESS;
    }

    @Override
    protected NtStatus readSecret(KeyStoreExtension extension, byte[] into) {
        if (extension.secretView == 0) {
            // SV2 broken: mapped with NtCurrentProcess from the dispatch routine, the view is the caller's.
            NtStatus status = createSecret(extension, OBJ_KERNEL_HANDLE, NtCurrentProcess);
            if (!status.isSuccess()) return status;
            fillSecret(extension);
        }
        // SV2 broken: read in place, in the requestor's context, where the view now lies.
        System.arraycopy(system.mm().access().read(extension.secretView, SECRET_LENGTH), 0, into, 0, SECRET_LENGTH);
        return STATUS_SUCCESS;
    }
}
