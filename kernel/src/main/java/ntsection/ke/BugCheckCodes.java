package ntsection.ke;

import java.util.Map;

/** The stop codes the model raises, with their NT names. */
public final class BugCheckCodes {
    private BugCheckCodes() {
    }

    public static final int INVALID_PROCESS_ATTACH_ATTEMPT = 0x05;
    public static final int INVALID_PROCESS_DETACH_ATTEMPT = 0x06;
    public static final int REFERENCE_BY_POINTER = 0x18;
    public static final int KMODE_EXCEPTION_NOT_HANDLED = 0x1E;
    public static final int NO_MORE_IRP_STACK_LOCATIONS = 0x35;
    public static final int SYSTEM_SERVICE_EXCEPTION = 0x3B;
    public static final int MULTIPLE_IRP_COMPLETE_REQUESTS = 0x44;
    public static final int PAGE_FAULT_IN_NONPAGED_AREA = 0x50;
    public static final int SYSTEM_THREAD_EXCEPTION_NOT_HANDLED = 0x7E;
    public static final int INVALID_KERNEL_HANDLE = 0x93;
    public static final int DRIVER_VERIFIER_DETECTED_VIOLATION = 0xC4;
    public static final int ATTEMPTED_WRITE_TO_READONLY_MEMORY = 0xBE;
    public static final int DRIVER_UNMAPPING_INVALID_VIEW = 0xD7;
    public static final int WORKER_INVALID = 0xE4;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(INVALID_PROCESS_ATTACH_ATTEMPT, "INVALID_PROCESS_ATTACH_ATTEMPT"),
            Map.entry(INVALID_PROCESS_DETACH_ATTEMPT, "INVALID_PROCESS_DETACH_ATTEMPT"),
            Map.entry(REFERENCE_BY_POINTER, "REFERENCE_BY_POINTER"),
            Map.entry(KMODE_EXCEPTION_NOT_HANDLED, "KMODE_EXCEPTION_NOT_HANDLED"),
            Map.entry(NO_MORE_IRP_STACK_LOCATIONS, "NO_MORE_IRP_STACK_LOCATIONS"),
            Map.entry(SYSTEM_SERVICE_EXCEPTION, "SYSTEM_SERVICE_EXCEPTION"),
            Map.entry(MULTIPLE_IRP_COMPLETE_REQUESTS, "MULTIPLE_IRP_COMPLETE_REQUESTS"),
            Map.entry(PAGE_FAULT_IN_NONPAGED_AREA, "PAGE_FAULT_IN_NONPAGED_AREA"),
            Map.entry(SYSTEM_THREAD_EXCEPTION_NOT_HANDLED, "SYSTEM_THREAD_EXCEPTION_NOT_HANDLED"),
            Map.entry(INVALID_KERNEL_HANDLE, "INVALID_KERNEL_HANDLE"),
            Map.entry(DRIVER_VERIFIER_DETECTED_VIOLATION, "DRIVER_VERIFIER_DETECTED_VIOLATION"),
            Map.entry(ATTEMPTED_WRITE_TO_READONLY_MEMORY, "ATTEMPTED_WRITE_TO_READONLY_MEMORY"),
            Map.entry(DRIVER_UNMAPPING_INVALID_VIEW, "DRIVER_UNMAPPING_INVALID_VIEW"),
            Map.entry(WORKER_INVALID, "WORKER_INVALID"));

    public static String name(int code) {
        return NAMES.getOrDefault(code, "UNKNOWN_BUGCHECK");
    }
}
