package ntsection.mm;

import static ntsection.mm.PageProtection.*;

/**
 * MiMakeProtectionMask's validity rule, shared by section creation, view mapping and
 * NtProtectVirtualMemory: exactly one base protection (one of the four plain values
 * or one of the four EXECUTE_* values), and modifiers only where NT allows them.
 * Anything else is STATUS_INVALID_PAGE_PROTECTION to every caller.
 */
public final class ProtectionMask {
    private static final int MODIFIERS = PAGE_GUARD | PAGE_NOCACHE | PAGE_WRITECOMBINE;

    private ProtectionMask() {
    }

    public static boolean isValid(int protection) {
        if ((protection & ~(0xFF | MODIFIERS)) != 0) return false;
        int low = protection & 0xF;
        int high = (protection >> 4) & 0xF;
        boolean oneBase = (isSingleBit(low) && high == 0) || (isSingleBit(high) && low == 0);
        if (!oneBase) return false;
        boolean noAccess = low == PAGE_NOACCESS;
        if ((protection & PAGE_GUARD) != 0 && (noAccess || (protection & (PAGE_NOCACHE | PAGE_WRITECOMBINE)) != 0)) return false;
        if ((protection & PAGE_NOCACHE) != 0 && (noAccess || (protection & PAGE_WRITECOMBINE) != 0)) return false;
        return (protection & PAGE_WRITECOMBINE) == 0 || !noAccess;
    }

    /** The base protection without GUARD, NOCACHE and WRITECOMBINE. */
    public static int base(int protection) {
        return protection & 0xFF;
    }

    private static boolean isSingleBit(int nibble) {
        return nibble == 1 || nibble == 2 || nibble == 4 || nibble == 8;
    }
}
