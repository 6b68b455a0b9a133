package ntsection.ob;

/** ACCESS_MASK bits shared by every object type, and the Directory and SymbolicLink rights. */
public final class Access {
    private Access() {
    }

    public static final int DELETE = 0x00010000;
    public static final int READ_CONTROL = 0x00020000;
    public static final int WRITE_DAC = 0x00040000;
    public static final int WRITE_OWNER = 0x00080000;
    public static final int SYNCHRONIZE = 0x00100000;
    public static final int STANDARD_RIGHTS_REQUIRED = 0x000F0000;
    public static final int STANDARD_RIGHTS_READ = READ_CONTROL;
    public static final int STANDARD_RIGHTS_WRITE = READ_CONTROL;
    public static final int STANDARD_RIGHTS_EXECUTE = READ_CONTROL;
    public static final int STANDARD_RIGHTS_ALL = 0x001F0000;
    public static final int ACCESS_SYSTEM_SECURITY = 0x01000000;
    public static final int MAXIMUM_ALLOWED = 0x02000000;
    public static final int GENERIC_ALL = 0x10000000;
    public static final int GENERIC_EXECUTE = 0x20000000;
    public static final int GENERIC_WRITE = 0x40000000;
    public static final int GENERIC_READ = 0x80000000;

    public static final int DIRECTORY_QUERY = 0x0001;
    public static final int DIRECTORY_TRAVERSE = 0x0002;
    public static final int DIRECTORY_CREATE_OBJECT = 0x0004;
    public static final int DIRECTORY_CREATE_SUBDIRECTORY = 0x0008;
    public static final int DIRECTORY_ALL_ACCESS = STANDARD_RIGHTS_REQUIRED | 0xF;

    public static final int SYMBOLIC_LINK_QUERY = 0x0001;
    public static final int SYMBOLIC_LINK_ALL_ACCESS = STANDARD_RIGHTS_REQUIRED | 0x1;

    public static final int OBJECT_TYPE_CREATE = 0x0001;
    public static final int OBJECT_TYPE_ALL_ACCESS = STANDARD_RIGHTS_REQUIRED | 0x1;
}
