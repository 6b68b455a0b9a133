package ntsection.ob;

import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Access.*;
import static ntsection.ob.Attributes.*;
import static org.junit.jupiter.api.Assertions.*;

/** Path syntax, root directories, OBJ_OPENIF, case and zero-access rules (ObpLookupObjectName, om.c). */
class NamespaceTest extends ObTestBase {

    private NtStatus create(String name, long root, int attributes, int access, LongOut handle) {
        return system.inUserMode(alice, () -> system.nt().ntCreateEvent(handle, access,
                new ObjectAttributes(name, root, attributes), 0, false));
    }

    private NtStatus open(String name, long root, int attributes, int access) {
        return system.inUserMode(alice, () -> system.nt().ntOpenEvent(new LongOut(), access, new ObjectAttributes(name, root, attributes)));
    }

    private long userDirectory(String name, int access) {
        LongOut handle = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice, () -> system.nt().ntCreateDirectoryObject(handle, access,
                new ObjectAttributes(name, 0, 0))));
        return handle.value;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "BaseNamedObjects\\relative      | STATUS_OBJECT_PATH_SYNTAX_BAD",
            "\\BaseNamedObjects\\           | STATUS_OBJECT_NAME_INVALID",
            "\\\\BaseNamedObjects\\x        | STATUS_OBJECT_NAME_INVALID",
            "\\BaseNamedObjects\\\\x        | STATUS_OBJECT_NAME_INVALID",
            "\\BaseNamedObjects\\nonexistent\\ | STATUS_OBJECT_PATH_NOT_FOUND",
            "\\BaseNamedObjects\\nonexistent\\x | STATUS_OBJECT_PATH_NOT_FOUND",
            "\\BasedNamedObjects\\Local\\x  | STATUS_OBJECT_PATH_NOT_FOUND",
            "\\BaseNamedObjects\\fresh      | STATUS_SUCCESS",
    })
    void createPathSyntaxStatuses(String path, String status) {
        LongOut handle = new LongOut();
        assertEquals(NtStatus.byName(status), create(path.strip(), 0, 0, EVENT_ALL, handle));
        assertEquals(status.equals("STATUS_SUCCESS") ? 1 : 0, alice.handleTable().count());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "BaseNamedObjects\\missing      | STATUS_OBJECT_PATH_SYNTAX_BAD",
            "\\BaseNamedObjects\\           | STATUS_OBJECT_NAME_INVALID",
            "\\BaseNamedObjects\\missing    | STATUS_OBJECT_NAME_NOT_FOUND",
            "\\BaseNamedObjects\\nonexistent\\x | STATUS_OBJECT_PATH_NOT_FOUND",
            "\\BaseNamedObjects             | STATUS_OBJECT_TYPE_MISMATCH",
    })
    void openPathSyntaxStatuses(String path, String status) {
        assertEquals(NtStatus.byName(status), open(path.strip(), 0, 0, EVENT_ALL));
    }

    @Test
    void openWithoutNameOrRootIsPathSyntaxBadCreateIsUnnamed() {
        assertEquals(STATUS_OBJECT_PATH_SYNTAX_BAD, open(null, 0, 0, EVENT_ALL));
        LongOut handle = new LongOut();
        assertEquals(STATUS_SUCCESS, create(null, 0, 0, EVENT_ALL, handle));
        assertNull(objectOf(alice, handle.value).path());
    }

    @Test
    void nullAttributesAreAnInvalidParameter() {
        assertEquals(STATUS_INVALID_PARAMETER, system.inUserMode(alice, () -> system.nt().ntOpenEvent(new LongOut(), EVENT_ALL, null)));
    }

    @Test
    void unknownAttributeBitsAreAnInvalidParameter() {
        assertEquals(STATUS_INVALID_PARAMETER, create(null, 0, OBJ_PROTECT_CLOSE, EVENT_ALL, new LongOut()));
        assertEquals(STATUS_INVALID_PARAMETER, create(null, 0, 0x800, EVENT_ALL, new LongOut()));
    }

    @Test
    void kernelExclusiveFromUserModeIsValidAndLocksTheUserOutOfTheName() {
        LongOut handle = new LongOut();
        assertEquals(STATUS_SUCCESS, create("\\BaseNamedObjects\\Locked", 0, OBJ_KERNEL_EXCLUSIVE, EVENT_ALL, handle));
        assertEquals(STATUS_ACCESS_DENIED, system.inUserMode(alice, () -> system.nt().ntOpenEvent(new LongOut(), EVENT_ALL,
                ntsection.ob.ObjectAttributes.named("\\BaseNamedObjects\\Locked", 0))));
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice, () -> system.nt().ntClose(handle.value)));
    }

    @Test
    void walkingThroughANonDirectoryIsATypeMismatch() {
        userEvent(alice, "\\BaseNamedObjects\\leaf", 0);
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, create("\\BaseNamedObjects\\leaf\\x", 0, 0, EVENT_ALL, new LongOut()));
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, open("\\BaseNamedObjects\\leaf\\x", 0, 0, EVENT_ALL));
    }

    @Test
    void rootDirectoryHandleRules() {
        long root = userDirectory("\\BaseNamedObjects\\root", 0);
        LongOut child = new LongOut();
        assertEquals(STATUS_SUCCESS, create("child", root, 0, EVENT_ALL, child), "no access is needed on the root");
        assertEquals("\\BaseNamedObjects\\root\\child", objectOf(alice, child.value).path());
        assertEquals(STATUS_SUCCESS, open("child", root, 0, EVENT_ALL));
        assertEquals(STATUS_OBJECT_PATH_SYNTAX_BAD, open("\\child", root, 0, EVENT_ALL), "a name under a root is relative");
        assertEquals(STATUS_OBJECT_PATH_SYNTAX_BAD, create("\\child2", root, 0, EVENT_ALL, new LongOut()));
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, open("", root, 0, EVENT_ALL), "an empty name opens the root directory itself");
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, open("x", child.value, 0, EVENT_ALL), "the root must be a directory");
        assertEquals(STATUS_OBJECT_NAME_INVALID, open(null, root, 0, EVENT_ALL), "a root without a name");
        assertEquals(STATUS_INVALID_HANDLE, open("child", 0x7F0, 0, EVENT_ALL));
        assertEquals(STATUS_OBJECT_PATH_NOT_FOUND, open("missing\\child", root, 0, EVENT_ALL));
    }

    @Test
    void emptyNameCreatesUnnamedAndIgnoresEvenABogusRoot() {
        LongOut handle = new LongOut();
        assertEquals(STATUS_SUCCESS, create("", 0xDEADBEEFL, 0, EVENT_ALL, handle));
        assertNull(objectOf(alice, handle.value).path());
        assertCounts(alice, handle.value, 2, 1);
        assertEquals(STATUS_OBJECT_NAME_INVALID, create(null, 0xDEADBEEFL, 0, EVENT_ALL, new LongOut()),
                "a NULL name with a root is invalid");
    }

    @Test
    void nameLength65532BytesIsAcceptedAnd65534IsInvalid() {
        String prefix = "\\BaseNamedObjects\\";
        String fits = prefix + "a".repeat(65532 / 2 - prefix.length());
        String tooLong = prefix + "b".repeat(65534 / 2 - prefix.length());
        LongOut handle = new LongOut();
        assertEquals(STATUS_SUCCESS, create(fits, 0, 0, EVENT_ALL, handle));
        assertEquals(STATUS_OBJECT_NAME_INVALID, create(tooLong, 0, 0, EVENT_ALL, new LongOut()));
        assertEquals(STATUS_OBJECT_NAME_INVALID, open(tooLong, 0, 0, EVENT_ALL));
        assertEquals(STATUS_SUCCESS, open(fits, 0, 0, EVENT_ALL));
    }

    @Test
    void namesAreCountedStringsWithEmbeddedNulsAllowed() {
        userEvent(alice, "\\BaseNamedObjects\\x", 0);
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, open("\\BaseNamedObjects\\x\0", 0, 0, EVENT_ALL));
        userEvent(alice, "\\BaseNamedObjects\\x\0y", 0);
        assertEquals(STATUS_SUCCESS, open("\\BaseNamedObjects\\x\0y", 0, 0, EVENT_ALL));
    }

    @Test
    void openIfOnAnExistingObjectOfTheSameTypeReturnsNameExistsAndAHandleToIt() {
        long first = userEvent(alice, "\\BaseNamedObjects\\shared", 0);
        LongOut second = new LongOut();
        assertEquals(STATUS_OBJECT_NAME_EXISTS, create("\\BaseNamedObjects\\shared", 0, OBJ_OPENIF, EVENT_ALL, second));
        assertTrue(STATUS_OBJECT_NAME_EXISTS.isSuccess());
        assertNotEquals(first, second.value);
        assertSame(objectOf(alice, first), objectOf(alice, second.value));
        assertCounts(alice, first, 4, 2);
    }

    @Test
    void openIfOnAnObjectOfAnotherTypeIsATypeMismatch() {
        userDirectory("\\BaseNamedObjects\\dir", DIRECTORY_ALL_ACCESS);
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, create("\\BaseNamedObjects\\dir", 0, OBJ_OPENIF, EVENT_ALL, new LongOut()));
        assertEquals(1, alice.handleTable().count());
    }

    @Test
    void choiceCollisionWithoutOpenIfEvenForAnotherType() {
        userEvent(alice, "\\BaseNamedObjects\\taken", 0);
        userDirectory("\\BaseNamedObjects\\takenDir", DIRECTORY_ALL_ACCESS);
        assertEquals(STATUS_OBJECT_NAME_COLLISION, create("\\BaseNamedObjects\\taken", 0, 0, EVENT_ALL, new LongOut()));
        assertEquals(STATUS_OBJECT_NAME_COLLISION, create("\\BaseNamedObjects\\takenDir", 0, 0, EVENT_ALL, new LongOut()),
                "model choice: a different type without OBJ_OPENIF is a collision (om.c accepts it)");
        assertEquals(2, alice.handleTable().count());
    }

    @Test
    void eventsAreCaseSensitiveUnlessCaseInsensitiveIsGiven() {
        long upper = userEvent(alice, "\\BaseNamedObjects\\Test", 0);
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, open("\\BaseNamedObjects\\TEST", 0, 0, EVENT_ALL));
        assertEquals(STATUS_SUCCESS, open("\\BaseNamedObjects\\TEST", 0, OBJ_CASE_INSENSITIVE, EVENT_ALL));
        LongOut other = new LongOut();
        assertEquals(STATUS_SUCCESS, create("\\BaseNamedObjects\\TEST", 0, 0, EVENT_ALL, other), "a second, different object");
        assertNotSame(objectOf(alice, upper), objectOf(alice, other.value));
    }

    @Test
    void caseSensitiveLookupAppliesToTheDirectoryPartToo() {
        userEvent(alice, "\\BaseNamedObjects\\test", 0);
        assertEquals(STATUS_OBJECT_PATH_NOT_FOUND, open("\\BASENamedObjects\\test", 0, 0, EVENT_ALL));
        assertEquals(STATUS_SUCCESS, open("\\BASENamedObjects\\test", 0, OBJ_CASE_INSENSITIVE, EVENT_ALL));
    }

    @Test
    void caseInsensitiveLookupCanLandOnAnotherType() {
        userDirectory("\\BaseNamedObjects\\Mixed", DIRECTORY_ALL_ACCESS);
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, open("\\BaseNamedObjects\\MIXED", 0, OBJ_CASE_INSENSITIVE, EVENT_ALL));
    }

    @Test
    void directoriesAreAlwaysCaseInsensitive() {
        userDirectory("\\BaseNamedObjects\\Folder", DIRECTORY_ALL_ACCESS);
        LongOut handle = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice, () -> system.nt().ntOpenDirectoryObject(handle, DIRECTORY_QUERY,
                new ObjectAttributes("\\BASENAMEDOBJECTS\\FOLDER", 0, 0))));
        assertEquals(STATUS_OBJECT_NAME_COLLISION, system.inUserMode(alice, () -> system.nt().ntCreateDirectoryObject(new LongOut(),
                DIRECTORY_ALL_ACCESS, new ObjectAttributes("\\BaseNamedObjects\\FOLDER", 0, 0))));
        assertCounts(alice, handle.value, 4, 2);
    }

    @Test
    void zeroAccessCreateOfANewObjectSucceeds() {
        LongOut handle = new LongOut();
        assertEquals(STATUS_SUCCESS, create("\\BaseNamedObjects\\zero", 0, 0, 0, handle));
        assertEquals(0, entryOf(alice, handle.value).grantedAccess());
        assertCounts(alice, handle.value, 3, 1);
    }

    @Test
    void zeroAccessOpenIfOnAnExistingObjectIsAccessDenied() {
        long first = userEvent(alice, "\\BaseNamedObjects\\zero", 0);
        LongOut handle = new LongOut();
        assertEquals(STATUS_ACCESS_DENIED, create("\\BaseNamedObjects\\zero", 0, OBJ_OPENIF, 0, handle));
        assertEquals(STATUS_ACCESS_DENIED, open("\\BaseNamedObjects\\zero", 0, 0, 0));
        assertEquals(STATUS_ACCESS_DENIED, open("\\BaseNamedObjects\\zero", 0, OBJ_INHERIT, 0));
        assertCounts(alice, first, 3, 1);
    }

    @Test
    void zeroAccessFromKernelModeIsNotChecked() {
        userEvent(alice, "\\BaseNamedObjects\\zero", 0);
        LongOut handle = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inSystemThread(() -> system.zw().zwOpenEvent(handle, 0,
                ObjectAttributes.named("\\BaseNamedObjects\\zero", OBJ_KERNEL_HANDLE))));
        assertEquals(STATUS_ACCESS_DENIED, system.inSystemThread(() -> system.zw().zwOpenEvent(new LongOut(), 0,
                ObjectAttributes.named("\\BaseNamedObjects\\zero", OBJ_KERNEL_HANDLE | OBJ_FORCE_ACCESS_CHECK))));
        assertKernelCounts(handle.value, 4, 2);
    }

    @Test
    void emptyNameUnderARootOpensTheRootDirectoryItself() {
        long root = userDirectory("\\BaseNamedObjects\\self", DIRECTORY_ALL_ACCESS);
        LongOut again = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice, () -> system.nt().ntOpenDirectoryObject(again, DIRECTORY_QUERY,
                new ObjectAttributes("", root, 0))));
        assertSame(objectOf(alice, root), objectOf(alice, again.value));
        assertCounts(alice, root, 4, 2);
    }
}
