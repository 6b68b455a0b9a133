package ntsection.io;

/**
 * IO_STACK_LOCATION: what one driver in a stack is asked to do. Parameters holds the
 * members of the union the model's major functions use.
 */
public final class IoStackLocation {
    public int MajorFunction;
    public int MinorFunction;
    public DeviceObject DeviceObject;
    public FileObject FileObject;
    public final Parameters Parameters = new Parameters();
    /** Set by the driver above with IoSetCompletionRoutine; IoCopyCurrentIrpStackLocationToNext does not copy it. */
    public IoCompletionRoutine CompletionRoutine;
    public Object Context;
    boolean invokeOnSuccess;
    boolean invokeOnError;

    public static final class Parameters {
        public final Create Create = new Create();
        public final Transfer Read = new Transfer();
        public final Transfer Write = new Transfer();
        public final DeviceIoControl DeviceIoControl = new DeviceIoControl();
    }

    /** Parameters.Read and Parameters.Write: how many bytes, from which offset in the file. */
    public static final class Transfer {
        public int Length;
        public long ByteOffset;
    }

    /** Parameters.Create: the access the opener asked for. */
    public static final class Create {
        public int DesiredAccess;
    }

    /** Parameters.DeviceIoControl. Type3InputBuffer is the caller's raw input pointer (METHOD_NEITHER). */
    public static final class DeviceIoControl {
        public int OutputBufferLength;
        public int InputBufferLength;
        public int IoControlCode;
        public long Type3InputBuffer;
    }

    void copyTo(IoStackLocation next) {
        next.MajorFunction = MajorFunction;
        next.MinorFunction = MinorFunction;
        next.FileObject = FileObject;
        next.Parameters.Create.DesiredAccess = Parameters.Create.DesiredAccess;
        next.Parameters.Read.Length = Parameters.Read.Length;
        next.Parameters.Read.ByteOffset = Parameters.Read.ByteOffset;
        next.Parameters.Write.Length = Parameters.Write.Length;
        next.Parameters.Write.ByteOffset = Parameters.Write.ByteOffset;
        next.Parameters.DeviceIoControl.OutputBufferLength = Parameters.DeviceIoControl.OutputBufferLength;
        next.Parameters.DeviceIoControl.InputBufferLength = Parameters.DeviceIoControl.InputBufferLength;
        next.Parameters.DeviceIoControl.IoControlCode = Parameters.DeviceIoControl.IoControlCode;
        next.Parameters.DeviceIoControl.Type3InputBuffer = Parameters.DeviceIoControl.Type3InputBuffer;
    }
}
