package ntsection;

/**
 * Choices where NT versions or configurations differ.
 *
 * @param bugCheckOnInvalidKernelClose ZwClose of an invalid handle bug-checks with
 *        INVALID_KERNEL_HANDLE (Windows' behaviour, the default) instead of returning
 *        STATUS_INVALID_HANDLE.
 */
public record ExecutiveConfig(boolean bugCheckOnInvalidKernelClose) {

    public static ExecutiveConfig defaults() {
        return new ExecutiveConfig(true);
    }

    public ExecutiveConfig withBugCheckOnInvalidKernelClose(boolean value) {
        return new ExecutiveConfig(value);
    }
}
