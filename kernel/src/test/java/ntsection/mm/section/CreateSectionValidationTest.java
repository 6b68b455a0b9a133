package ntsection.mm.section;

import ntsection.Executive;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.ps.Process;
import ntsection.testing.Systems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static ntsection.mm.PageProtection.*;
import static ntsection.nt.NtStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** NtCreateSection's argument checks, in NT's order, from user mode. Nothing is created by a failed call. */
class CreateSectionValidationTest {
    private final Executive system = Systems.boot();
    private final Process alice = system.createProcess("alice", false);
    private final UserSectionCalls calls = new UserSectionCalls(system, alice);

    private NtStatus create(Long size, int protection, int allocation) {
        LongOut handle = new LongOut();
        NtStatus status = calls.create(handle, null, size, protection, allocation);
        if (!status.isSuccess()) {
            assertEquals(0, handle.value, "a failed create writes no handle");
            assertEquals(0, alice.handleTable().count());
        }
        return status;
    }

    @ParameterizedTest
    @ValueSource(ints = {0x1, SEC_FILE | SEC_COMMIT, SEC_WRITECOMBINE | SEC_COMMIT, SEC_PROTECTED_IMAGE | SEC_COMMIT, -1,
            0x100 | SEC_RESERVE})
    void allocationBitsOutsideTheValidSetAreInvalidParameter6(int allocation) {
        assertEquals(STATUS_INVALID_PARAMETER_6, create(0x1000L, PAGE_READWRITE, allocation));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, SEC_LARGE_PAGES, SEC_NOCACHE, SEC_BASED, SEC_NO_CHANGE})
    void noneOfCommitReserveOrImageIsInvalidParameter6(int allocation) {
        assertEquals(STATUS_INVALID_PARAMETER_6, create(0x1000L, PAGE_READWRITE, allocation));
    }

    @ParameterizedTest
    @ValueSource(ints = {SEC_COMMIT, SEC_RESERVE, SEC_LARGE_PAGES, SEC_NOCACHE, SEC_NO_CHANGE})
    void imageCombinedWithAnotherKindIsInvalidParameter6(int other) {
        assertEquals(STATUS_INVALID_PARAMETER_6, create(0x1000L, PAGE_READONLY, SEC_IMAGE | other));
    }

    @Test
    void commitTogetherWithReserveIsInvalidParameter6() {
        assertEquals(STATUS_INVALID_PARAMETER_6, create(0x1000L, PAGE_READWRITE, SEC_COMMIT | SEC_RESERVE));
    }

    @Test
    void allocationAttributesAreCheckedBeforeProtectionAndSize() {
        assertEquals(STATUS_INVALID_PARAMETER_6, create(null, 0, 0));
        assertEquals(STATUS_INVALID_PARAMETER_6, create(0L, PAGE_NOACCESS, SEC_COMMIT | SEC_RESERVE));
    }

    @ParameterizedTest
    @ValueSource(ints = {PAGE_NOACCESS, PAGE_READWRITE | PAGE_GUARD, PAGE_READWRITE | PAGE_NOCACHE,
            PAGE_READWRITE | PAGE_WRITECOMBINE, PAGE_READONLY | PAGE_NOACCESS, -1})
    void noAccessGuardNocacheAndWritecombineProtectionsAreInvalidPageProtection(int protection) {
        assertEquals(STATUS_INVALID_PAGE_PROTECTION, create(0x1000L, protection, SEC_COMMIT));
    }

    @Test
    void forbiddenProtectionBitsAreCheckedBeforeTheSize() {
        assertEquals(STATUS_INVALID_PAGE_PROTECTION, create(null, PAGE_NOACCESS, SEC_COMMIT));
        assertEquals(STATUS_INVALID_PAGE_PROTECTION, create(0L, PAGE_READWRITE | PAGE_GUARD, SEC_RESERVE));
    }

    @Test
    void missingOrZeroSizeIsInvalidParameter4() {
        assertEquals(STATUS_INVALID_PARAMETER_4, create(null, PAGE_READWRITE, SEC_COMMIT));
        assertEquals(STATUS_INVALID_PARAMETER_4, create(0L, PAGE_READWRITE, SEC_RESERVE));
    }

    @Test
    void zeroSizeIsReportedBeforeAMultiBitOrZeroProtection() {
        assertEquals(STATUS_INVALID_PARAMETER_4, create(0L, 0, SEC_COMMIT));
        assertEquals(STATUS_INVALID_PARAMETER_4, create(null, PAGE_READONLY | PAGE_READWRITE, SEC_COMMIT));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, PAGE_READONLY | PAGE_READWRITE, PAGE_EXECUTE_READ | PAGE_READWRITE, PAGE_WRITECOPY | PAGE_READONLY})
    void zeroOrMultiBitProtectionWithAValidSizeIsInvalidPageProtection(int protection) {
        assertEquals(STATUS_INVALID_PAGE_PROTECTION, create(0x1000L, protection, SEC_COMMIT));
    }

    @Test
    void imageWithoutAFileIsInvalidFileForSectionAfterTheSizeCheck() {
        assertEquals(STATUS_INVALID_FILE_FOR_SECTION, create(0x1000L, PAGE_READONLY, SEC_IMAGE));
        assertEquals(STATUS_INVALID_PARAMETER_4, create(null, PAGE_READONLY, SEC_IMAGE));
        assertEquals(STATUS_INVALID_PAGE_PROTECTION, create(0x1000L, 0, SEC_IMAGE));
    }

    @ParameterizedTest
    @ValueSource(ints = {PAGE_READONLY, PAGE_READWRITE, PAGE_WRITECOPY, PAGE_EXECUTE, PAGE_EXECUTE_READ,
            PAGE_EXECUTE_READWRITE, PAGE_EXECUTE_WRITECOPY})
    void everyAccessibleProtectionCreatesASection(int protection) {
        LongOut handle = new LongOut();
        assertEquals(STATUS_SUCCESS, calls.create(handle, null, 0x1000L, protection, SEC_COMMIT));
        assertEquals(protection, calls.section(handle.value).protection());
        assertEquals(STATUS_SUCCESS, calls.close(handle.value));
    }

    @Test
    void uncertainPageExecuteIsAValidSectionProtectionAtTheNativeLayer() {
        long handle = calls.created(null, 0x1000, PAGE_EXECUTE, SEC_COMMIT);
        assertEquals(PAGE_EXECUTE, calls.section(handle).protection());
        assertEquals(STATUS_SUCCESS, calls.close(handle));
    }

    @Test
    void secNocacheIsAcceptedWithAPlainProtectionAndReportedAsGiven() {
        long handle = calls.created(null, 0x1000, PAGE_READWRITE, SEC_COMMIT | SEC_NOCACHE);
        assertEquals(SEC_COMMIT | SEC_NOCACHE, calls.basic(handle).attributes());
        assertEquals(STATUS_SUCCESS, calls.close(handle));
    }

    @Test
    void desiredAccessIsNotValidated() {
        LongOut none = new LongOut();
        assertEquals(STATUS_SUCCESS, calls.create(none, 0, null, 0x1000L, PAGE_READWRITE, SEC_COMMIT, 0));
        assertEquals(0, calls.counts(none.value).grantedAccess(), "a new object's handle gets exactly what was asked");
        LongOut everything = new LongOut();
        assertEquals(STATUS_SUCCESS, calls.create(everything, 0xFFFFFFFF, null, 0x1000L, PAGE_READWRITE, SEC_COMMIT, 0));
        assertEquals(SECTION_ALL_ACCESS | 0x00100000, calls.counts(everything.value).grantedAccess() & 0x001F001F);
        assertEquals(STATUS_SUCCESS, calls.close(none.value));
        assertEquals(STATUS_SUCCESS, calls.close(everything.value));
    }

    @Test
    void kernelCallersGetTheSameChecksThroughZw() {
        LongOut handle = new LongOut();
        assertEquals(STATUS_INVALID_PARAMETER_6, system.inSystemThread(
                () -> system.zw().zwCreateSection(handle, SECTION_ALL_ACCESS, null, 0x1000L, PAGE_READWRITE, 0, 0)));
        assertEquals(STATUS_INVALID_PAGE_PROTECTION, system.inSystemThread(
                () -> system.zw().zwCreateSection(handle, SECTION_ALL_ACCESS, null, 0x1000L, PAGE_NOACCESS, SEC_COMMIT, 0)));
        assertEquals(STATUS_INVALID_PARAMETER_4, system.inSystemThread(
                () -> system.zw().zwCreateSection(handle, SECTION_ALL_ACCESS, null, 0L, PAGE_READWRITE, SEC_COMMIT, 0)));
    }
}
