package ntsection.ob;

/** OBJ_* attribute flags of OBJECT_ATTRIBUTES and of handle entries. */
public final class Attributes {
    private Attributes() {
    }

    public static final int OBJ_PROTECT_CLOSE = 0x001;
    public static final int OBJ_INHERIT = 0x002;
    public static final int OBJ_AUDIT_OBJECT_CLOSE = 0x004;
    public static final int OBJ_PERMANENT = 0x010;
    public static final int OBJ_EXCLUSIVE = 0x020;
    public static final int OBJ_CASE_INSENSITIVE = 0x040;
    public static final int OBJ_OPENIF = 0x080;
    public static final int OBJ_OPENLINK = 0x100;
    public static final int OBJ_KERNEL_HANDLE = 0x200;
    public static final int OBJ_FORCE_ACCESS_CHECK = 0x400;
    public static final int OBJ_VALID_ATTRIBUTES = 0x7F2;
    /** A kernel-only name: every open whose probe mode is not kernel is refused. */
    public static final int OBJ_KERNEL_EXCLUSIVE = 0x10000;
    public static final int OBJ_VALID_KERNEL_ATTRIBUTES = OBJ_VALID_ATTRIBUTES | OBJ_KERNEL_EXCLUSIVE;
    /** The attributes a handle entry keeps. */
    public static final int OBJ_HANDLE_ATTRIBUTES = OBJ_PROTECT_CLOSE | OBJ_INHERIT | OBJ_AUDIT_OBJECT_CLOSE;

    public static final int DUPLICATE_CLOSE_SOURCE = 0x1;
    public static final int DUPLICATE_SAME_ACCESS = 0x2;
    public static final int DUPLICATE_SAME_ATTRIBUTES = 0x4;
}
