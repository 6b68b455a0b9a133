package ntsection.mm;

/** Page protections, SEC_* section attributes, MEM_* allocation types and section access rights. */
public final class PageProtection {
    private PageProtection() {
    }

    public static final int PAGE_SIZE = 0x1000;
    public static final int PAGE_SHIFT = 12;
    public static final int MM_ALLOCATION_GRANULARITY = 0x10000;

    public static final int PAGE_NOACCESS = 0x01;
    public static final int PAGE_READONLY = 0x02;
    public static final int PAGE_READWRITE = 0x04;
    public static final int PAGE_WRITECOPY = 0x08;
    public static final int PAGE_EXECUTE = 0x10;
    public static final int PAGE_EXECUTE_READ = 0x20;
    public static final int PAGE_EXECUTE_READWRITE = 0x40;
    public static final int PAGE_EXECUTE_WRITECOPY = 0x80;
    public static final int PAGE_GUARD = 0x100;
    public static final int PAGE_NOCACHE = 0x200;
    public static final int PAGE_WRITECOMBINE = 0x400;

    public static final int SEC_BASED = 0x00200000;
    public static final int SEC_NO_CHANGE = 0x00400000;
    public static final int SEC_FILE = 0x00800000;
    public static final int SEC_IMAGE = 0x01000000;
    public static final int SEC_PROTECTED_IMAGE = 0x02000000;
    public static final int SEC_RESERVE = 0x04000000;
    public static final int SEC_COMMIT = 0x08000000;
    public static final int SEC_NOCACHE = 0x10000000;
    public static final int SEC_WRITECOMBINE = 0x40000000;
    public static final int SEC_LARGE_PAGES = 0x80000000;

    public static final int MEM_COMMIT = 0x1000;
    public static final int MEM_RESERVE = 0x2000;
    public static final int MEM_DECOMMIT = 0x4000;
    public static final int MEM_RELEASE = 0x8000;
    public static final int MEM_FREE = 0x10000;
    public static final int MEM_PRIVATE = 0x20000;
    public static final int MEM_MAPPED = 0x40000;
    public static final int MEM_RESET = 0x80000;
    public static final int MEM_TOP_DOWN = 0x100000;
    public static final int MEM_PHYSICAL = 0x400000;
    public static final int MEM_IMAGE = 0x1000000;
    public static final int MEM_LARGE_PAGES = 0x20000000;
    public static final int MEM_DOS_LIM = 0x40000000;
    public static final int AT_ROUND_TO_PAGE = 0x40000000;

    public static final int ViewShare = 1;
    public static final int ViewUnmap = 2;

    public static final int SECTION_QUERY = 0x0001;
    public static final int SECTION_MAP_WRITE = 0x0002;
    public static final int SECTION_MAP_READ = 0x0004;
    public static final int SECTION_MAP_EXECUTE = 0x0008;
    public static final int SECTION_EXTEND_SIZE = 0x0010;
    public static final int SECTION_MAP_EXECUTE_EXPLICIT = 0x0020;
    public static final int SECTION_ALL_ACCESS = 0x000F001F;

    public static long pageRoundUp(long value) {
        return (value + PAGE_SIZE - 1) & ~(long) (PAGE_SIZE - 1);
    }

    public static long pageRoundDown(long value) {
        return value & ~(long) (PAGE_SIZE - 1);
    }
}
