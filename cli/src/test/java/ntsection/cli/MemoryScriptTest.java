package ntsection.cli;

import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.*;

/**
 * The view, virtual-memory and memory-access calls, and the contexts a fault lands in:
 * user code sees its own fault, guarded kernel code gets the status, unguarded kernel
 * code bug-checks.
 */
class MemoryScriptTest extends ScriptTest {
    private static final String SECTION =
            "@alice h = NtCreateSection(access=SECTION_ALL_ACCESS, size=0x2000, protect=PAGE_READWRITE, allocation=SEC_COMMIT)";

    @Test
    void mapDefaultsToAReadWriteSharedViewAtTheFirstFreeBucket() {
        Cli.Result result = run("process alice", SECTION,
                "@alice v = NtMapViewOfSection(section=h) -> STATUS_SUCCESS base=0x10000 size=0x2000",
                "@alice NtQueryVirtualMemory(base=v+0x1FFF)");
        assertPasses(result);
        assertTrue(result.out().contains("-> STATUS_SUCCESS base=0x11000 allocationbase=0x10000 allocationprotect=0x4 size=0x1000"
                + " state=0x1000 protect=0x4 type=0x40000"), result.out());
    }

    @Test
    void anOmittedOffsetIsANullPointerAndAGivenOneIsChecked() {
        assertPasses(run("process alice", SECTION,
                "@alice NtMapViewOfSection(section=h) -> STATUS_SUCCESS size=0x2000",
                "@alice NtMapViewOfSection(section=h, offset=0x1000) -> STATUS_MAPPED_ALIGNMENT"));
    }

    @Test
    void userFaultIsTheStepsOutcomeAndTheRunGoesOn() {
        Cli.Result result = run("process alice", SECTION,
                "@alice v = NtMapViewOfSection(section=h, protect=PAGE_READONLY)",
                "@alice write(address=v, data=01) -> STATUS_ACCESS_VIOLATION",
                "@alice read(address=v, length=2) -> STATUS_SUCCESS data=0000");
        assertPasses(result);
        assertTrue(result.out().contains("@alice read(address=v, length=2) -> STATUS_SUCCESS data=0000"), result.out());
    }

    @Test
    void guardedKernelFaultReturnsItsStatus() {
        assertPasses(run("process alice",
                "@guarded:alice read(address=0x60000000, length=4) -> STATUS_ACCESS_VIOLATION",
                "@guarded:kernel read(address=0x60000000, length=4) -> STATUS_ACCESS_VIOLATION",
                "@guarded:alice ProbeForRead(address=3, length=4, alignment=4) -> STATUS_DATATYPE_MISALIGNMENT",
                "@alice NtClose(handle=0x40) -> STATUS_INVALID_HANDLE"));
    }

    @Test
    void unguardedFaultInADispatchRoutineIsSystemServiceException() {
        Cli.Result result = run("process alice", "@kernel:alice read(address=0x60000000, length=4) -> bugcheck 0x3B");
        assertPasses(result);
        assertTrue(result.out().contains("bugcheck 0x0000003B SYSTEM_SERVICE_EXCEPTION (0xC0000005, 0x60000000, 0x0, 0x0)"), result.out());
    }

    @Test
    void unguardedFaultInTheWorkerThreadIsSystemThreadException() {
        assertPasses(run("@kernel write(address=0x60000000, data=01) -> bugcheck SYSTEM_THREAD_EXCEPTION_NOT_HANDLED"));
    }

    @Test
    void unmappedSystemAddressBugChecksEvenGuarded() {
        assertPasses(run("@guarded:kernel read(address=0xFFFFF70000000000, length=1) -> bugcheck PAGE_FAULT_IN_NONPAGED_AREA"));
    }

    @Test
    void systemViewOfANonSectionIsNotRun() {
        Cli.Result result = run("process alice",
                "@alice e = NtCreateEvent(access=EVENT_ALL_ACCESS)",
                "@kernel:alice o = ObReferenceObjectByHandle(handle=e, access=0, type=ExEventObjectType, mode=UserMode)",
                "@kernel:alice MmMapViewInSystemSpace(object=o)");
        assertEquals(1, result.exitCode());
        assertTrue(result.out().contains("not run: MmMapViewInSystemSpace takes a section object, not "), result.out());
    }

    @Test
    void hugeReadIsNotRun() {
        Cli.Result result = run("process alice", "@alice read(address=0x10000, length=0x7FFFFFFF)");
        assertEquals(1, result.exitCode());
        assertTrue(result.out().contains("not run: read length must be between 0 and 1048576"), result.out());
    }

    @Test
    void probesAreKernelRoutines() {
        Cli.Result result = run("process alice", "@alice ProbeForRead(address=0x10000, length=4)");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("ProbeForRead is a kernel routine"), result.err());
    }

    @Test
    void sectionSizeOmittedIsANullMaximumSize() {
        assertPasses(run("process alice",
                "@alice NtCreateSection(access=SECTION_ALL_ACCESS, protect=PAGE_READWRITE, allocation=SEC_COMMIT) -> STATUS_INVALID_PARAMETER_4",
                "@kernel ZwCreateSection(access=SECTION_ALL_ACCESS, size=0x123, protect=PAGE_READWRITE, allocation=SEC_COMMIT, attributes=OBJ_KERNEL_HANDLE)"));
    }
}
