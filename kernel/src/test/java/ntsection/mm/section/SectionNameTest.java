package ntsection.mm.section;

import ntsection.Executive;
import ntsection.nt.LongOut;
import ntsection.ob.ObjectAttributes;
import ntsection.ob.ObjectBasicInformation;
import ntsection.ps.Process;
import ntsection.testing.Systems;
import org.junit.jupiter.api.Test;

import static ntsection.mm.PageProtection.*;
import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Attributes.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Named and unnamed sections: the counts after each step (pointer counts as
 * NtQueryObject reports them, its own reference included), and the name statuses
 * that come from ObInsertObject and ObOpenObjectByName.
 */
class SectionNameTest {
    private static final String NAME = "\\BaseNamedObjects\\Foo";

    private final Executive system = Systems.boot();
    private final Process alice = system.createProcess("alice", false);
    private final Process bob = system.createProcess("bob", false);
    private final UserSectionCalls aliceCalls = new UserSectionCalls(system, alice);
    private final UserSectionCalls bobCalls = new UserSectionCalls(system, bob);

    private static ObjectAttributes named(String name, int attributes) {
        return ObjectAttributes.named(name, attributes);
    }

    private static void assertCounts(int handles, int reportedPointers, ObjectBasicInformation information) {
        assertEquals(handles, information.handleCount(), "handle count");
        assertEquals(reportedPointers, information.pointerCount(), "pointer count as NtQueryObject reports it");
    }

    @Test
    void anUnnamedSectionHasOneHandleAndOnePointerReference() {
        long handle = aliceCalls.created(null, 0x1000, PAGE_READWRITE, SEC_COMMIT);
        assertCounts(1, 2, aliceCalls.counts(handle));
        assertNull(aliceCalls.section(handle).name());
        assertEquals(STATUS_SUCCESS, aliceCalls.close(handle));
    }

    @Test
    void emptyNameCreatesAnUnnamedSection() {
        long handle = aliceCalls.created(named("", 0), 0x1000, PAGE_READWRITE, SEC_COMMIT);
        assertCounts(1, 2, aliceCalls.counts(handle));
        assertEquals(STATUS_SUCCESS, aliceCalls.close(handle));
    }

    @Test
    void aNamedSectionHasOneMorePointerReferenceForItsName() {
        long handle = aliceCalls.created(named(NAME, 0), 0x1000, PAGE_READWRITE, SEC_COMMIT);
        assertCounts(1, 3, aliceCalls.counts(handle));
        assertEquals(NAME, aliceCalls.section(handle).path());

        LongOut opened = new LongOut();
        assertEquals(STATUS_SUCCESS, bobCalls.open(opened, SECTION_MAP_READ | SECTION_QUERY, named(NAME, 0)));
        assertCounts(2, 4, bobCalls.counts(opened.value));
        assertEquals(SECTION_MAP_READ | SECTION_QUERY, bobCalls.counts(opened.value).grantedAccess());
        assertEquals(0x1000, bobCalls.basic(opened.value).size());

        assertEquals(STATUS_SUCCESS, aliceCalls.close(handle));
        assertCounts(1, 3, bobCalls.counts(opened.value));
        assertEquals(STATUS_SUCCESS, bobCalls.close(opened.value));
    }

    @Test
    void aSecondCreateOfTheSameNameIsACollision() {
        long handle = aliceCalls.created(named(NAME, 0), 0x1000, PAGE_READWRITE, SEC_COMMIT);
        LongOut second = new LongOut();
        assertEquals(STATUS_OBJECT_NAME_COLLISION, bobCalls.create(second, named(NAME, 0), 0x1000L, PAGE_READWRITE, SEC_COMMIT));
        assertEquals(0, second.value);
        assertCounts(1, 3, aliceCalls.counts(handle));
        assertEquals(STATUS_SUCCESS, aliceCalls.close(handle));
    }

    @Test
    void openIfOnAnExistingSectionOpensItWithNameExists() {
        long handle = aliceCalls.created(named(NAME, 0), 0x1000, PAGE_READWRITE, SEC_COMMIT);
        LongOut second = new LongOut();
        assertEquals(STATUS_OBJECT_NAME_EXISTS,
                bobCalls.create(second, named(NAME, OBJ_OPENIF), 0x5000L, PAGE_READONLY, SEC_RESERVE));
        assertNotEquals(0, second.value);
        assertSame(aliceCalls.section(handle), bobCalls.section(second.value));
        assertEquals(SEC_COMMIT, bobCalls.basic(second.value).attributes(), "size, protection and kind are not compared");
        assertCounts(2, 4, bobCalls.counts(second.value));
        assertEquals(STATUS_SUCCESS, aliceCalls.close(handle));
        assertEquals(STATUS_SUCCESS, bobCalls.close(second.value));
    }

    @Test
    void openIfWithZeroAccessOnAnExistingSectionIsAccessDenied() {
        long handle = aliceCalls.created(named(NAME, 0), 0x1000, PAGE_READWRITE, SEC_COMMIT);
        LongOut second = new LongOut();
        assertEquals(STATUS_ACCESS_DENIED, bobCalls.create(second, 0, named(NAME, OBJ_OPENIF), 0x1000L, PAGE_READWRITE, SEC_COMMIT, 0));
        assertEquals(0, bob.handleTable().count());
        assertEquals(STATUS_SUCCESS, aliceCalls.close(handle));
    }

    @Test
    void openIfOnAnObjectOfAnotherTypeIsTypeMismatch() {
        LongOut event = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice,
                () -> system.nt().ntCreateEvent(event, 0x1F0003, named(NAME, 0), 0, false)));
        LongOut section = new LongOut();
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH,
                aliceCalls.create(section, named(NAME, OBJ_OPENIF), 0x1000L, PAGE_READWRITE, SEC_COMMIT));
        assertEquals(STATUS_OBJECT_NAME_COLLISION, aliceCalls.create(section, named(NAME, 0), 0x1000L, PAGE_READWRITE, SEC_COMMIT));
        assertEquals(STATUS_OBJECT_TYPE_MISMATCH, aliceCalls.open(section, SECTION_QUERY, named(NAME, 0)));
        assertEquals(STATUS_SUCCESS, aliceCalls.close(event.value));
    }

    @Test
    void aNameWithoutALeadingBackslashIsPathSyntaxBad() {
        LongOut handle = new LongOut();
        assertEquals(STATUS_OBJECT_PATH_SYNTAX_BAD,
                aliceCalls.create(handle, named("THIS/IS/INVALID", 0), 0x1000L, PAGE_READWRITE, SEC_COMMIT));
        assertEquals(0, alice.handleTable().count());
    }

    @Test
    void aMissingIntermediateDirectoryIsPathNotFound() {
        LongOut handle = new LongOut();
        assertEquals(STATUS_OBJECT_PATH_NOT_FOUND,
                aliceCalls.create(handle, named("\\BaseNamedObjects\\nonexistent\\x", 0), 0x1000L, PAGE_READWRITE, SEC_COMMIT));
        assertEquals(STATUS_OBJECT_PATH_NOT_FOUND, aliceCalls.open(handle, SECTION_QUERY, named("\\BaseNamedObjects\\nonexistent\\x", 0)));
    }

    @Test
    void openWithoutAttributesIsInvalidParameter() {
        LongOut handle = new LongOut();
        assertEquals(STATUS_INVALID_PARAMETER, aliceCalls.open(handle, SECTION_QUERY, null));
        assertEquals(0, handle.value);
    }

    @Test
    void openOfAnUnknownNameIsNameNotFound() {
        LongOut handle = new LongOut();
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, aliceCalls.open(handle, SECTION_QUERY, named(NAME, 0)));
    }

    @Test
    void openWithZeroAccessFromUserModeIsAccessDenied() {
        long handle = aliceCalls.created(named(NAME, 0), 0x1000, PAGE_READWRITE, SEC_COMMIT);
        LongOut opened = new LongOut();
        assertEquals(STATUS_ACCESS_DENIED, bobCalls.open(opened, 0, named(NAME, 0)));
        assertCounts(1, 3, aliceCalls.counts(handle));
        assertEquals(STATUS_SUCCESS, aliceCalls.close(handle));
    }

    @Test
    void sectionNamesAreCaseSensitiveUnlessTheCallerAsksOtherwise() {
        long handle = aliceCalls.created(named(NAME, 0), 0x1000, PAGE_READWRITE, SEC_COMMIT);
        LongOut other = new LongOut();
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, bobCalls.open(other, SECTION_QUERY, named("\\BaseNamedObjects\\FOO", 0)));
        assertEquals(STATUS_SUCCESS, bobCalls.open(other, SECTION_QUERY, named("\\BaseNamedObjects\\FOO", OBJ_CASE_INSENSITIVE)));
        assertEquals(STATUS_SUCCESS, bobCalls.close(other.value));
        assertEquals(STATUS_SUCCESS, bobCalls.create(other, named("\\BaseNamedObjects\\FOO", 0), 0x1000L, PAGE_READWRITE, SEC_COMMIT),
                "a name differing in case is a second section");
        assertNotSame(aliceCalls.section(handle), bobCalls.section(other.value));
        assertEquals(STATUS_SUCCESS, bobCalls.close(other.value));
        assertEquals(STATUS_SUCCESS, aliceCalls.close(handle));
    }

    @Test
    void aKernelHandleFromZwLandsInTheKernelTableAndCountsTheSame() {
        LongOut handle = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inDispatchRoutine(alice, () -> system.zw().zwCreateSection(handle,
                SECTION_ALL_ACCESS, named(NAME, OBJ_KERNEL_HANDLE), 0x1000L, PAGE_READWRITE, SEC_COMMIT, 0)));
        assertEquals(0, alice.handleTable().count());
        assertEquals(STATUS_INVALID_HANDLE, aliceCalls.close(handle.value));
        LongOut opened = new LongOut();
        assertEquals(STATUS_SUCCESS, aliceCalls.open(opened, SECTION_QUERY, named(NAME, 0)));
        assertCounts(2, 4, aliceCalls.counts(opened.value));
        assertEquals(STATUS_SUCCESS, aliceCalls.close(opened.value));
        assertEquals(STATUS_SUCCESS, system.inSystemThread(() -> system.zw().zwClose(handle.value)));
    }

    @Test
    void withoutObjKernelHandleAZwCreateLandsInTheCurrentProcessTable() {
        LongOut handle = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inDispatchRoutine(alice, () -> system.zw().zwCreateSection(handle,
                SECTION_ALL_ACCESS, null, 0x1000L, PAGE_READWRITE, SEC_COMMIT, 0)));
        assertEquals(1, alice.handleTable().count());
        assertEquals(STATUS_SUCCESS, aliceCalls.close(handle.value), "the user process can close the driver's handle");
    }
}
