package ntsection.cli;

import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertTrue;

/** The section calls scripts make, and the arguments they add to SCRIPT.md's table. */
class SectionCallsTest extends ScriptTest {
    @Test
    void createOpenAndQueryPrintEveryOutput() {
        Cli.Result result = run(
                "process alice",
                "@alice h = NtCreateSection(access=SECTION_ALL_ACCESS, name=\"\\BaseNamedObjects\\s\", size=0x123, protect=PAGE_READWRITE, allocation=SEC_COMMIT)",
                "@alice o = NtOpenSection(access=SECTION_QUERY, name=\"\\BaseNamedObjects\\s\")",
                "@alice NtQuerySection(section=o)",
                "@alice NtClose(handle=o)",
                "@alice NtClose(handle=h)");
        assertPasses(result);
        assertTrue(result.out().contains("NtCreateSection(access=SECTION_ALL_ACCESS, name=\"\\BaseNamedObjects\\s\", size=0x123, "
                + "protect=PAGE_READWRITE, allocation=SEC_COMMIT) -> STATUS_SUCCESS handle=0x4"), result.out());
        assertTrue(result.out().contains("NtQuerySection(section=o) -> STATUS_SUCCESS size=0x1000 attributes=0x8000000 base=0x0 returnlength=24"),
                result.out());
    }

    @Test
    void anOmittedSizeIsAMissingMaximumSize() {
        assertPasses(run(
                "process alice",
                "@alice NtCreateSection(access=SECTION_ALL_ACCESS, protect=PAGE_READWRITE, allocation=SEC_COMMIT) -> STATUS_INVALID_PARAMETER_4",
                "@alice e = NtCreateEvent(access=EVENT_ALL_ACCESS)",
                // with a file the size may be missing: the handle's type is what fails
                "@alice NtCreateSection(access=SECTION_ALL_ACCESS, protect=PAGE_READWRITE, allocation=SEC_COMMIT, file=e) -> STATUS_OBJECT_TYPE_MISMATCH",
                "@alice NtClose(handle=e)"));
    }

    @Test
    void nullObjectAttributes() {
        assertPasses(run(
                "process alice",
                "@alice h = NtCreateSection(access=SECTION_ALL_ACCESS, objectattributes=null, name=\"ignored\", size=0x1000, protect=PAGE_READWRITE, allocation=SEC_COMMIT)",
                "@alice NtOpenSection(access=SECTION_QUERY, objectattributes=null) -> STATUS_INVALID_PARAMETER",
                "@kernel ZwOpenSection(access=SECTION_QUERY, objectattributes=0) -> STATUS_INVALID_PARAMETER",
                "@alice NtClose(handle=h)"));
    }

    @Test
    void queryClassLengthAndBuffer() {
        assertPasses(run(
                "process alice",
                "@alice h = NtCreateSection(access=SECTION_ALL_ACCESS, size=0x2000, protect=PAGE_READONLY, allocation=SEC_RESERVE)",
                "@alice NtQuerySection(section=h, class=SectionBasicInformation, length=SECTION_BASIC_INFORMATION_SIZE) -> STATUS_SUCCESS size=0x2000 attributes=SEC_RESERVE",
                "@alice NtQuerySection(section=h, length=23) -> STATUS_INFO_LENGTH_MISMATCH",
                "@alice NtQuerySection(section=h, class=SectionImageInformation, length=0x40) -> STATUS_SECTION_NOT_IMAGE",
                "@alice NtQuerySection(section=h, buffer=null) -> STATUS_ACCESS_VIOLATION size=0",
                "@alice NtClose(handle=h)"));
    }

    @Test
    void zwQuerySectionSkipsTheAccessCheck() {
        assertPasses(run(
                "process alice",
                "@alice h = NtCreateSection(access=SECTION_MAP_READ, size=0x1000, protect=PAGE_READWRITE, allocation=SEC_COMMIT)",
                "@alice NtQuerySection(section=h) -> STATUS_ACCESS_DENIED",
                "@kernel:alice ZwQuerySection(section=h) -> STATUS_SUCCESS size=0x1000",
                "@alice NtClose(handle=h)"));
    }

    @Test
    void memoryManagerConstantsHaveTheirNtValues() {
        assertPasses(run(
                "process alice",
                "@alice h = NtCreateSection(access=SECTION_QUERY|SECTION_MAP_READ|SECTION_MAP_WRITE, size=0x1000, protect=PAGE_EXECUTE_READWRITE, allocation=SEC_COMMIT|SEC_NOCACHE)",
                "@alice NtQueryObject(handle=h) -> STATUS_SUCCESS access=7",
                "@alice NtQuerySection(section=h) -> STATUS_SUCCESS attributes=0x18000000",
                "@alice NtClose(handle=h)",
                "@alice NtCreateSection(access=SECTION_ALL_ACCESS, size=0x1000, protect=PAGE_READWRITE, allocation=SEC_LARGE_PAGES) -> STATUS_INVALID_PARAMETER_6"));
    }
}
