package ntsection.io;

/** The IRP_MJ_xxx major function codes the model dispatches, with the WDK's values. */
public final class IrpMajor {
    private IrpMajor() {
    }

    public static final int IRP_MJ_CREATE = 0x00;
    public static final int IRP_MJ_CLOSE = 0x02;
    public static final int IRP_MJ_READ = 0x03;
    public static final int IRP_MJ_WRITE = 0x04;
    public static final int IRP_MJ_DEVICE_CONTROL = 0x0E;
    public static final int IRP_MJ_INTERNAL_DEVICE_CONTROL = 0x0F;
    public static final int IRP_MJ_CLEANUP = 0x12;
    public static final int IRP_MJ_MAXIMUM_FUNCTION = 0x1B;
}
