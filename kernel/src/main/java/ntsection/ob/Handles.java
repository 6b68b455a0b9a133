package ntsection.ob;

/**
 * How handle values are built, as on x64: index times four, the two low tag bits
 * ignored on lookup, and kernel handles carrying KERNEL_HANDLE_FLAG.
 */
public final class Handles {
    private Handles() {
    }

    public static final long KERNEL_HANDLE_FLAG = 0xFFFFFFFF80000000L;
    public static final long NtCurrentProcess = -1L;
    public static final long NtCurrentThread = -2L;
    public static final int TAG_BITS = 2;

    public static boolean isPseudoHandle(long handle) {
        return handle == NtCurrentProcess || handle == NtCurrentThread;
    }

    /** ObpIsKernelHandle: every flag bit set, kernel mode, and not a pseudo-handle. */
    public static boolean isKernelHandle(long handle, boolean kernelMode) {
        return kernelMode && (handle & KERNEL_HANDLE_FLAG) == KERNEL_HANDLE_FLAG && !isPseudoHandle(handle);
    }

    /** ObReferenceObjectByHandle's test: the handle as a 32-bit LONG is negative. */
    public static boolean hasKernelBit(long handle) {
        return (int) handle < 0;
    }

    public static long toKernelHandle(long tableHandle) {
        return tableHandle | KERNEL_HANDLE_FLAG;
    }

    /** ObKernelHandleToHandle: the flag bits are cleared, so 0x80000004 from kernel mode names kernel handle 4. */
    public static long fromKernelHandle(long kernelHandle) {
        return kernelHandle & ~KERNEL_HANDLE_FLAG;
    }

    public static String format(long handle) {
        return "0x" + Long.toHexString(handle).toUpperCase();
    }
}
