package ntsection.mm;

import static ntsection.mm.PageProtection.*;

/**
 * Win32 page protections as the memory manager judges them: MiMakeProtectionMask's
 * validity rule, the section access a view protection needs (MmMakeSectionAccess), the
 * view protections a section or a view's map-time protection allows
 * (MmCompatibleProtectionMask), and what an access may do on a page.
 */
public final class ProtectionMask {
    private ProtectionMask() {
    }

    /** MiMakeProtectionMask: one base value (one nibble, one bit) and a legal modifier combination. */
    public static boolean isValid(int protect) {
        if ((protect & ~0x7FF) != 0) return false;
        int low = protect & 0xF;
        int high = (protect >>> 4) & 0xF;
        boolean oneBit = low == 0 ? isSingleBit(high) : high == 0 && isSingleBit(low);
        if (!oneBit) return false;
        boolean noAccess = (protect & 0xFF) == PAGE_NOACCESS;
        if ((protect & PAGE_GUARD) != 0 && (noAccess || (protect & (PAGE_NOCACHE | PAGE_WRITECOMBINE)) != 0)) return false;
        if ((protect & PAGE_NOCACHE) != 0 && (noAccess || (protect & PAGE_WRITECOMBINE) != 0)) return false;
        return (protect & PAGE_WRITECOMBINE) == 0 || !noAccess;
    }

    private static boolean isSingleBit(int nibble) {
        return nibble == 1 || nibble == 2 || nibble == 4 || nibble == 8;
    }

    /** The eight base values with only PAGE_GUARD and PAGE_NOCACHE allowed on top (NtProtectVirtualMemory's first check). */
    public static boolean isBaseValueWithGuardOrNoCache(int protect) {
        int base = protect & ~(PAGE_GUARD | PAGE_NOCACHE);
        return base != 0 && (base & ~0xFF) == 0 && Integer.bitCount(base) == 1;
    }

    public static int base(int protect) {
        return protect & 0xFF;
    }

    /** MmMakeSectionAccess: the section handle access a view of this protection needs. */
    public static int sectionAccessFor(int viewProtect) {
        return switch (base(viewProtect)) {
            case PAGE_NOACCESS, PAGE_READONLY, PAGE_WRITECOPY -> SECTION_MAP_READ;
            case PAGE_EXECUTE -> SECTION_MAP_EXECUTE;
            case PAGE_EXECUTE_READ, PAGE_EXECUTE_WRITECOPY -> SECTION_MAP_EXECUTE | SECTION_MAP_READ;
            case PAGE_READWRITE -> SECTION_MAP_WRITE;
            case PAGE_EXECUTE_READWRITE -> SECTION_MAP_EXECUTE | SECTION_MAP_WRITE;
            default -> throw new IllegalArgumentException("not a valid protection: 0x" + Integer.toHexString(viewProtect));
        };
    }

    /** MmCompatibleProtectionMask: the base protections allowed under {@code bound}; modifiers always pass. */
    public static boolean compatible(int bound, int requested) {
        int allowed = switch (base(bound)) {
            case PAGE_NOACCESS -> PAGE_NOACCESS;
            case PAGE_READONLY, PAGE_WRITECOPY -> PAGE_NOACCESS | PAGE_READONLY | PAGE_WRITECOPY;
            case PAGE_READWRITE -> PAGE_NOACCESS | PAGE_READONLY | PAGE_WRITECOPY | PAGE_READWRITE;
            case PAGE_EXECUTE -> PAGE_NOACCESS | PAGE_EXECUTE;
            case PAGE_EXECUTE_READ -> PAGE_NOACCESS | PAGE_READONLY | PAGE_WRITECOPY | PAGE_EXECUTE | PAGE_EXECUTE_READ;
            case PAGE_EXECUTE_WRITECOPY -> PAGE_NOACCESS | PAGE_READONLY | PAGE_WRITECOPY | PAGE_EXECUTE
                    | PAGE_EXECUTE_READ | PAGE_EXECUTE_WRITECOPY;
            case PAGE_EXECUTE_READWRITE -> 0xFF;
            default -> 0;
        };
        return (base(requested) & allowed) != 0;
    }

    /** Anything but PAGE_NOACCESS: x64 page tables cannot express execute-only, so a PAGE_EXECUTE page reads. */
    public static boolean canRead(int protect) {
        return base(protect) != PAGE_NOACCESS && base(protect) != 0;
    }

    /** Writable in place, without copy-on-write. */
    public static boolean canWrite(int protect) {
        return (base(protect) & (PAGE_READWRITE | PAGE_EXECUTE_READWRITE)) != 0;
    }

    public static boolean isWriteCopy(int protect) {
        return (base(protect) & (PAGE_WRITECOPY | PAGE_EXECUTE_WRITECOPY)) != 0;
    }

    /** What a copy-on-write page becomes once written: WRITECOPY to READWRITE, EXECUTE_WRITECOPY to EXECUTE_READWRITE. */
    public static int afterCopyOnWrite(int protect) {
        int modifiers = protect & ~0xFF;
        return (base(protect) == PAGE_EXECUTE_WRITECOPY ? PAGE_EXECUTE_READWRITE : PAGE_READWRITE) | modifiers;
    }
}
