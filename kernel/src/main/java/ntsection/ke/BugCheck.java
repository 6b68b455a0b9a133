package ntsection.ke;

import java.util.List;

/**
 * A recorded bug-check: the stop code, its four parameters, the thread that stopped
 * the system and the stack it was on.
 */
public record BugCheck(int code, long p1, long p2, long p3, long p4, String thread, List<StackTraceElement> stack) {

    public String codeName() {
        return BugCheckCodes.name(code);
    }

    /** "0x00000093 INVALID_KERNEL_HANDLE (0x0000000000000078, 0x1, 0x0, 0x0)". */
    public String describe() {
        return String.format("0x%08X %s (0x%X, 0x%X, 0x%X, 0x%X)", code, codeName(), p1, p2, p3, p4);
    }
}
