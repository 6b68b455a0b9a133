package ntsection.ob;

import ntsection.ke.ProcessorMode;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;

import static ntsection.nt.NtStatus.*;

/** NtCreateDirectoryObject and NtOpenDirectoryObject. */
public final class DirectoryServices {
    private final ObjectManager ob;

    public DirectoryServices(ObjectManager ob) {
        this.ob = ob;
    }

    public NtStatus create(LongOut handle, int desiredAccess, ObjectAttributes attributes, ProcessorMode mode) {
        Out<ObjectAttributes> captured = new Out<>();
        NtStatus status = ob.captureAttributes(attributes, mode, captured);
        if (status != STATUS_SUCCESS) return status;
        Directory directory = ob.obCreateObject(new Directory(ob.types().directory()));
        return ob.obInsertObject(directory, captured.value, desiredAccess, mode, handle);
    }

    public NtStatus open(LongOut handle, int desiredAccess, ObjectAttributes attributes, ProcessorMode mode) {
        if (attributes == null) return STATUS_INVALID_PARAMETER;
        Out<ObjectAttributes> captured = new Out<>();
        NtStatus status = ob.captureAttributes(attributes, mode, captured);
        if (status != STATUS_SUCCESS) return status;
        return ob.obOpenObjectByName(captured.value, ob.types().directory(), mode, desiredAccess, handle);
    }
}
