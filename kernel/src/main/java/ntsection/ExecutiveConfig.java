package ntsection;

/**
 * Choices where NT versions or configurations differ, and the machine's size.
 *
 * @param bugCheckOnInvalidKernelClose ZwClose of an invalid handle bug-checks with
 *        INVALID_KERNEL_HANDLE (Windows' behaviour, the default) instead of returning
 *        STATUS_INVALID_HANDLE.
 * @param physicalPages RAM in 4 KiB frames (default 16 MiB: small systems stay small).
 */
public record ExecutiveConfig(boolean bugCheckOnInvalidKernelClose, int physicalPages) {

    public static ExecutiveConfig defaults() {
        return new ExecutiveConfig(true, 4096);
    }

    public ExecutiveConfig withBugCheckOnInvalidKernelClose(boolean value) {
        return new ExecutiveConfig(value, physicalPages);
    }

    public ExecutiveConfig withPhysicalPages(int pages) {
        return new ExecutiveConfig(bugCheckOnInvalidKernelClose, pages);
    }
}
