package ntsection.mm.section;

import ntsection.mm.ProtectionMask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static ntsection.mm.PageProtection.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MiMakeProtectionMask's validity rule, which create, map and protect share. */
class ProtectionMaskTest {

    @ParameterizedTest
    @ValueSource(ints = {PAGE_NOACCESS, PAGE_READONLY, PAGE_READWRITE, PAGE_WRITECOPY, PAGE_EXECUTE, PAGE_EXECUTE_READ,
            PAGE_EXECUTE_READWRITE, PAGE_EXECUTE_WRITECOPY})
    void eachSingleBaseProtectionIsValid(int protection) {
        assertTrue(ProtectionMask.isValid(protection));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, PAGE_READONLY | PAGE_READWRITE, PAGE_EXECUTE_READ | PAGE_READWRITE, PAGE_WRITECOPY | PAGE_READONLY,
            PAGE_EXECUTE | PAGE_EXECUTE_READ, 0x03, 0x30, -1, 0x800, 0x804, PAGE_GUARD, PAGE_NOCACHE, PAGE_WRITECOMBINE})
    void zeroAndMoreThanOneBaseProtectionAreInvalid(int protection) {
        assertFalse(ProtectionMask.isValid(protection));
    }

    @Test
    void modifiersAreValidOnAnAccessibleBase() {
        assertTrue(ProtectionMask.isValid(PAGE_READWRITE | PAGE_GUARD));
        assertTrue(ProtectionMask.isValid(PAGE_READWRITE | PAGE_NOCACHE));
        assertTrue(ProtectionMask.isValid(PAGE_EXECUTE_READ | PAGE_WRITECOMBINE));
        assertTrue(ProtectionMask.isValid(PAGE_READONLY | PAGE_GUARD));
    }

    @Test
    void guardNocacheAndWritecombineDoNotCombineWithNoAccessOrEachOther() {
        assertFalse(ProtectionMask.isValid(PAGE_NOACCESS | PAGE_GUARD));
        assertFalse(ProtectionMask.isValid(PAGE_NOACCESS | PAGE_NOCACHE));
        assertFalse(ProtectionMask.isValid(PAGE_NOACCESS | PAGE_WRITECOMBINE));
        assertFalse(ProtectionMask.isValid(PAGE_READWRITE | PAGE_GUARD | PAGE_NOCACHE));
        assertFalse(ProtectionMask.isValid(PAGE_READWRITE | PAGE_GUARD | PAGE_WRITECOMBINE));
        assertFalse(ProtectionMask.isValid(PAGE_READWRITE | PAGE_NOCACHE | PAGE_WRITECOMBINE));
    }
}
