package ntsection.ob;

import ntsection.ke.ProcessorMode;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;

import static ntsection.ke.ProcessorMode.KernelMode;
import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Attributes.*;

/**
 * ObpCaptureObjectCreateInformation: unknown flags are an invalid parameter,
 * OBJ_KERNEL_HANDLE from user mode is silently dropped (UNCERTAIN in Wine's notes,
 * which have no test; the choice follows ReactOS's capture), a root without a name
 * is an invalid name. OBJ_KERNEL_EXCLUSIVE is valid from any mode (the capture checks
 * against OBJ_VALID_KERNEL_ATTRIBUTES): a user who sets it only locks itself out of
 * opening the name again.
 */
final class AttributeCapture {
    private AttributeCapture() {
    }

    static NtStatus capture(ObjectAttributes attributes, ProcessorMode mode, Out<ObjectAttributes> captured) {
        if ((attributes.attributes() & ~OBJ_VALID_KERNEL_ATTRIBUTES) != 0) return STATUS_INVALID_PARAMETER;
        if (attributes.rootDirectory() != 0 && attributes.name() == null) return STATUS_OBJECT_NAME_INVALID;
        NtStatus length = Namespace.checkNameLength(attributes.name());
        if (length != STATUS_SUCCESS) return length;
        int flags = attributes.attributes();
        if (mode != KernelMode) flags &= ~OBJ_KERNEL_HANDLE;
        captured.value = new ObjectAttributes(attributes.name(), attributes.rootDirectory(), flags);
        return STATUS_SUCCESS;
    }
}
