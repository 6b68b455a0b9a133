package ntsection.mm;

import ntsection.nt.NtStatus;
import ntsection.nt.Out;

import static ntsection.mm.PageProtection.*;
import static ntsection.nt.NtStatus.*;

/**
 * NtCreateSection's checks of its own arguments, in NT's order (NtCreateSection, then
 * MmCreateSection up to the point where it would touch a file or charge commit). The
 * decode has no side effects: it yields a status and, for a page-file-backed section,
 * the page-rounded size that creation will use.
 *
 * @param size the section size, page-rounded
 * @param protection the section protection as given
 * @param attributes the SEC_* flags as given, which NtQuerySection reports: Windows'
 *        kernel32 tests see SEC_NOCACHE come back (ReactOS reports only COMMIT, RESERVE
 *        and BASED), so nothing that passed validation is dropped
 */
record SectionArguments(long size, int protection, int attributes) {
    /**
     * What NtCreateSection accepts at all; SEC_FILE and SEC_WRITECOMBINE are not in it on
     * NT 5.2. ReactOS lets unknown bits through when bit 0 is set; Windows does not.
     */
    private static final int VALID_ATTRIBUTES =
            SEC_COMMIT | SEC_RESERVE | SEC_BASED | SEC_LARGE_PAGES | SEC_IMAGE | SEC_NOCACHE | SEC_NO_CHANGE;
    private static final int NOT_WITH_IMAGE = SEC_COMMIT | SEC_RESERVE | SEC_LARGE_PAGES | SEC_NOCACHE | SEC_NO_CHANGE;
    /**
     * Protection bits no section may have. UNCERTAIN whether NtCreateSection itself
     * refuses PAGE_EXECUTE (the Win32 layer does): it has none of these bits and is a
     * valid mask, so the model accepts it, as ReactOS's NtCreateSection does.
     */
    private static final int NOT_A_SECTION_PROTECTION = PAGE_NOCACHE | PAGE_WRITECOMBINE | PAGE_GUARD | PAGE_NOACCESS;

    /**
     * The largest page-file-backed section. Model choice: a section must fit the 47-bit
     * user range the model targets, which puts the limit between the two sizes the
     * ReactOS apitest records on x64 (0x80000000000 passes this check and fails for
     * resources, 0x800000000000 is STATUS_SECTION_TOO_BIG).
     */
    static final long MAXIMUM_PAGEFILE_SECTION_SIZE = (1L << 47) - PAGE_SIZE;
    /** MmMinimumLargePage on x64: 2 MiB. */
    static final long LARGE_PAGE_SIZE = 0x200000;

    /** Steps 1 to 5: the SEC_* flags, then the protection's forbidden bits. */
    static NtStatus checkFlags(int pageProtection, int allocationAttributes) {
        if ((allocationAttributes & ~VALID_ATTRIBUTES) != 0) return STATUS_INVALID_PARAMETER_6;
        if ((allocationAttributes & (SEC_COMMIT | SEC_RESERVE | SEC_IMAGE)) == 0) return STATUS_INVALID_PARAMETER_6;
        if ((allocationAttributes & SEC_IMAGE) != 0 && (allocationAttributes & NOT_WITH_IMAGE) != 0) {
            return STATUS_INVALID_PARAMETER_6;
        }
        if ((allocationAttributes & (SEC_COMMIT | SEC_RESERVE)) == (SEC_COMMIT | SEC_RESERVE)) return STATUS_INVALID_PARAMETER_6;
        if ((pageProtection & NOT_A_SECTION_PROTECTION) != 0) return STATUS_INVALID_PAGE_PROTECTION;
        return STATUS_SUCCESS;
    }

    /** Step 8's first check: SEC_NOCACHE becomes PAGE_NOCACHE, then the protection must be a valid mask. */
    static NtStatus checkProtection(int pageProtection, int allocationAttributes) {
        int effective = (allocationAttributes & SEC_NOCACHE) != 0 ? pageProtection | PAGE_NOCACHE : pageProtection;
        return ProtectionMask.isValid(effective) ? STATUS_SUCCESS : STATUS_INVALID_PAGE_PROTECTION;
    }

    /**
     * The whole decode for a section without a file: steps 1 to 8 up to the commit
     * charge. {@code maximumSize} null is a missing MaximumSize.
     */
    static NtStatus decodePageFileBacked(Long maximumSize, int pageProtection, int allocationAttributes,
                                         Out<SectionArguments> decoded) {
        NtStatus status = checkFlags(pageProtection, allocationAttributes);
        if (status != STATUS_SUCCESS) return status;
        if (maximumSize == null || maximumSize == 0) return STATUS_INVALID_PARAMETER_4;
        status = checkProtection(pageProtection, allocationAttributes);
        if (status != STATUS_SUCCESS) return status;
        if ((allocationAttributes & SEC_IMAGE) != 0) return STATUS_INVALID_FILE_FOR_SECTION;
        long requested = maximumSize;
        // MaximumSize is a LARGE_INTEGER read as unsigned: -1 is the largest size, not a negative one.
        if (Long.compareUnsigned(requested, MAXIMUM_PAGEFILE_SECTION_SIZE) > 0) return STATUS_SECTION_TOO_BIG;
        if ((allocationAttributes & SEC_LARGE_PAGES) != 0) {
            // Model choice: large pages exist only for committed memory, as NT backs them with
            // physically contiguous frames at creation; SEC_RESERVE|SEC_LARGE_PAGES is refused
            // like Windows' kernel32 test table shows.
            if ((allocationAttributes & SEC_COMMIT) == 0) return STATUS_INVALID_PARAMETER_6;
            if (requested % LARGE_PAGE_SIZE != 0) return STATUS_INVALID_PARAMETER_4;
        }
        decoded.value = new SectionArguments(pageRoundUp(requested), pageProtection, allocationAttributes);
        return STATUS_SUCCESS;
    }

    /** The size in pages: a long, since it may be more than a segment can describe. */
    long pages() {
        return size >>> PAGE_SHIFT;
    }

    boolean commitsAtCreation() {
        return (attributes & SEC_COMMIT) != 0;
    }
}
