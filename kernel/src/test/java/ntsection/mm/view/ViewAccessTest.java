package ntsection.mm.view;

import ntsection.Executive;
import ntsection.ke.ApcState;
import ntsection.ke.Attach;
import ntsection.ke.BugCheckCodes;
import ntsection.ke.BugCheckError;
import ntsection.ke.CurrentThread;
import ntsection.ke.NtException;
import ntsection.ke.Seh;
import ntsection.mm.AddressLimits;
import ntsection.mm.MemoryAccess;
import ntsection.mm.Section;
import ntsection.nt.LongOut;
import ntsection.ob.Handles;
import ntsection.ps.Process;
import ntsection.testing.Systems;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

import static ntsection.mm.PageProtection.*;
import static ntsection.nt.NtStatus.*;
import static org.junit.jupiter.api.Assertions.*;

/** Who sees what through views, and which fault each forbidden access takes. */
class ViewAccessTest {
    private static final long ME = Handles.NtCurrentProcess;

    private final Executive system = Systems.boot();
    private final MemoryAccess memory = system.mm().access();
    private final Process alice = system.createProcess("alice", false);
    private final Process bob = system.createProcess("bob", false);

    /** The same section, with a handle in each process. */
    private long[] sharedSection() {
        long aliceHandle = TestSections.create(system, alice, 0x10000, PAGE_READWRITE, SEC_COMMIT);
        LongOut bobHandle = new LongOut();
        LongOut bobProcess = new LongOut();
        system.inDispatchRoutine(alice, () -> system.zw().zwOpenProcess(bobProcess, 0x40, ntsection.ob.ObjectAttributes.unnamed(0), bob.id()));
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice, () -> system.nt().ntDuplicateObject(ME, aliceHandle,
                bobProcess.value, bobHandle, 0, 0, 2)));
        system.inUserMode(alice, () -> system.nt().ntClose(bobProcess.value));
        return new long[] {aliceHandle, bobHandle.value};
    }

    private NtException fault(Process process, Runnable access) {
        return assertThrows(NtException.class, () -> system.inUserMode(process, () -> {
            access.run();
            return null;
        }));
    }

    @Test
    void writesThroughASharedViewAreSeenByEveryViewInEveryProcess() {
        long[] handles = sharedSection();
        long aliceView = TestSections.mapInUserMode(system, alice, handles[0], PAGE_READWRITE);
        long bobView = TestSections.mapInUserMode(system, bob, handles[1], PAGE_READONLY);
        system.userCode(alice, () -> memory.writeInt(aliceView + 8, 0x1a2b3c4d));
        assertEquals(0x1a2b3c4d, (int) system.inUserMode(bob, () -> memory.readInt(bobView + 8)));
    }

    @Test
    void copyOnWriteGivesTheWriterAPrivatePageAndTurnsItReadWrite() {
        long[] handles = sharedSection();
        long aliceView = TestSections.mapInUserMode(system, alice, handles[0], PAGE_READONLY);
        long bobView = TestSections.mapInUserMode(system, bob, handles[1], PAGE_WRITECOPY);
        system.inUserMode(bob, () -> memory.readLong(bobView));
        int free = system.mm().physicalMemory().freeFrames();
        assertEquals(STATUS_SUCCESS, system.userCode(bob, () -> memory.writeInt(bobView + 4, 0xdeadbeef)));
        assertEquals(free - 1, system.mm().physicalMemory().freeFrames(), "one private frame");
        assertEquals(0, (int) system.inUserMode(alice, () -> memory.readInt(aliceView + 4)), "the section never sees the write");
        assertEquals(0xdeadbeef, (int) system.inUserMode(bob, () -> memory.readInt(bobView + 4)));

        var info = new ntsection.nt.Out<ntsection.mm.MemoryBasicInformation>();
        system.inUserMode(bob, () -> system.nt().ntQueryVirtualMemory(ME, bobView, 0, info));
        assertEquals(PAGE_READWRITE, info.value.protect());
        assertEquals(PAGE_SIZE, info.value.regionSize(), "the written page splits from its WRITECOPY neighbours");
        assertEquals(PAGE_WRITECOPY, info.value.allocationProtect());

        system.userCode(alice, () -> { });
        assertEquals(STATUS_SUCCESS, system.inUserMode(bob, () -> system.nt().ntUnmapViewOfSection(ME, bobView)));
        assertEquals(free, system.mm().physicalMemory().freeFrames(), "the private copy goes with the view");
    }

    @Test
    void aReadOnlyViewFaultsOnWriteWithTheAddressAndAccessType() {
        long section = TestSections.create(system, alice, 0x10000, PAGE_READWRITE, SEC_COMMIT);
        long view = TestSections.mapInUserMode(system, alice, section, PAGE_READONLY);
        NtException fault = fault(alice, () -> memory.writeByte(view + 0x1003, (byte) 1));
        assertEquals(STATUS_ACCESS_VIOLATION, fault.status());
        assertEquals(view + 0x1003, fault.address());
        assertEquals(NtException.WRITE, fault.access());
        assertEquals((byte) 0, (byte) system.inUserMode(alice, () -> memory.readByte(view + 0x1003)));
    }

    @Test
    void aGuardPageFaultsOnceThenBehavesAsItsBaseProtection() {
        long section = TestSections.create(system, alice, 0x10000, PAGE_READWRITE, SEC_COMMIT);
        long view = TestSections.mapInUserMode(system, alice, section, PAGE_READWRITE | PAGE_GUARD);
        NtException fault = fault(alice, () -> memory.readInt(view));
        assertEquals(STATUS_GUARD_PAGE_VIOLATION, fault.status());
        assertEquals(STATUS_SUCCESS, system.userCode(alice, () -> memory.readInt(view)));
        assertEquals(STATUS_GUARD_PAGE_VIOLATION, system.userCode(alice, () -> memory.readInt(view + 0x1000)),
                "each page has its own guard");
    }

    @Test
    void aGuardPageTouchedWhileAttachedIsAnAccessViolationAndKeepsItsGuard() {
        long section = TestSections.create(system, alice, 0x10000, PAGE_READWRITE, SEC_COMMIT);
        long view = TestSections.mapInUserMode(system, alice, section, PAGE_READWRITE | PAGE_GUARD);
        ntsection.nt.NtStatus attached = system.inSystemThread(() -> {
            ApcState state = new ApcState();
            Attach.keStackAttachProcess(CurrentThread.get(), alice, state);
            try {
                return Seh.guard(() -> memory.readInt(view));
            } finally {
                Attach.keUnstackDetachProcess(system.kernel(), CurrentThread.get(), state);
            }
        });
        assertEquals(STATUS_ACCESS_VIOLATION, attached);
        assertEquals(STATUS_GUARD_PAGE_VIOLATION, system.userCode(alice, () -> memory.readInt(view)));
    }

    @Test
    void userAddressesResolveInTheProcessTheThreadIsAttachedTo() {
        long section = TestSections.create(system, alice, 0x10000, PAGE_READWRITE, SEC_COMMIT);
        long view = TestSections.mapInUserMode(system, alice, section, PAGE_READWRITE);
        system.userCode(alice, () -> memory.writeInt(view, 99));
        assertEquals(STATUS_ACCESS_VIOLATION, system.inSystemThread(() -> Seh.guard(() -> memory.readInt(view))),
                "the System process has nothing there");
        int seen = system.inSystemThread(() -> {
            ApcState state = new ApcState();
            Attach.keStackAttachProcess(CurrentThread.get(), alice, state);
            try {
                return memory.readInt(view);
            } finally {
                Attach.keUnstackDetachProcess(system.kernel(), CurrentThread.get(), state);
            }
        });
        assertEquals(99, seen);
    }

    @Test
    void userModeCannotTouchKernelAddressesEvenMappedOnes() {
        Section section = TestSections.newSection(system, 0x10000, PAGE_READWRITE, SEC_COMMIT);
        LongOut base = new LongOut();
        assertEquals(STATUS_SUCCESS, system.mm().mmMapViewInSystemSpace(section, base, new LongOut()));
        NtException fault = fault(alice, () -> memory.readByte(base.value));
        assertEquals(STATUS_ACCESS_VIOLATION, fault.status());
        assertEquals(STATUS_ACCESS_VIOLATION, system.userCode(alice, () -> memory.readByte(AddressLimits.MM_USER_PROBE_ADDRESS)));
        system.mm().mmUnmapViewInSystemSpace(base.value);
        system.ob().obDereferenceObject(section);
    }

    @Test
    void aSystemViewIsVisibleFromEveryKernelContext() {
        Section section = TestSections.newSection(system, 0x10000, PAGE_READWRITE, SEC_COMMIT);
        LongOut base = new LongOut();
        LongOut size = new LongOut();
        assertEquals(STATUS_SUCCESS, system.mm().mmMapViewInSystemSpace(section, base, size));
        assertTrue(AddressLimits.isSystemAddress(base.value));
        assertEquals(0x10000, size.value);
        system.kernelCode(alice, () -> memory.writeLong(base.value + 16, 0x1122334455667788L));
        assertEquals(0x1122334455667788L, (long) system.systemThreadCode(() -> memory.readLong(base.value + 16)));
        assertEquals(0x1122334455667788L, (long) system.kernelCode(bob, () -> memory.readLong(base.value + 16)));
        system.mm().mmUnmapViewInSystemSpace(base.value);
        assertFalse(section.controlArea().isReleased(), "the section object still holds its pages");
        system.ob().obDereferenceObject(section);
        assertTrue(section.controlArea().isReleased());
    }

    @Test
    void anUnmappedKernelAddressIsPageFaultInNonPagedAreaWhichNoTryExceptCatches() {
        long nowhere = AddressLimits.SYSTEM_VIEW_START + 0x5000;
        BugCheckError crash = assertThrows(BugCheckError.class,
                () -> system.guardedKernelCode(alice, () -> memory.readInt(nowhere)));
        assertEquals(BugCheckCodes.PAGE_FAULT_IN_NONPAGED_AREA, crash.bugCheck().code());
        assertEquals(nowhere, crash.bugCheck().p1());
        assertEquals(0, crash.bugCheck().p2(), "a read");
    }

    @Test
    void writingAReadOnlySystemViewIsAttemptedWriteToReadonlyMemory() {
        Section section = TestSections.newSection(system, 0x10000, PAGE_READONLY, SEC_COMMIT);
        LongOut base = new LongOut();
        assertEquals(STATUS_SUCCESS, system.mm().mmMapViewInSystemSpace(section, base, new LongOut()));
        assertEquals((byte) 0, (byte) system.systemThreadCode(() -> memory.readByte(base.value)));
        BugCheckError crash = assertThrows(BugCheckError.class,
                () -> system.guardedKernelCode(alice, () -> memory.writeByte(base.value + 1, (byte) 1)));
        assertEquals(BugCheckCodes.ATTEMPTED_WRITE_TO_READONLY_MEMORY, crash.bugCheck().code());
        assertEquals(base.value + 1, crash.bugCheck().p1());
    }

    @Test
    void unmappingSomethingThatIsNotASystemViewIsDriverUnmappingInvalidView() {
        BugCheckError crash = assertThrows(BugCheckError.class,
                () -> system.inSystemThread(() -> system.mm().mmUnmapViewInSystemSpace(AddressLimits.SYSTEM_VIEW_START)));
        assertEquals(BugCheckCodes.DRIVER_UNMAPPING_INVALID_VIEW, crash.bugCheck().code());
        assertEquals(AddressLimits.SYSTEM_VIEW_START, crash.bugCheck().p1());
        assertEquals(1, crash.bugCheck().p2());
    }

    @Test
    void bulkCopiesCrossPagesAndStopAtTheFirstFault() {
        long section = TestSections.create(system, alice, 0x3000, PAGE_READWRITE, SEC_COMMIT);
        long view = TestSections.mapInUserMode(system, alice, section, PAGE_READWRITE);
        byte[] data = new byte[0x2800];
        for (int i = 0; i < data.length; i++) data[i] = (byte) (i * 31);
        system.userCode(alice, () -> memory.write(view + 0x400, data));
        assertArrayEquals(data, system.inUserMode(alice, () -> memory.read(view + 0x400, data.length)));

        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(0x2000);
            NtException fault = fault(alice, () -> memory.read(view + 0x2000, buffer, 0, 0x2000));
            assertEquals(view + 0x3000, fault.address(), "the first byte past the view");
            byte[] copied = buffer.asSlice(0, 0x1000).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
            assertArrayEquals(Arrays.copyOfRange(data, 0x1C00, 0x2800), Arrays.copyOf(copied, 0xC00),
                    "the bytes before the fault arrived");
        }
    }

    @Test
    void aValueStraddlingTwoPagesIsLittleEndianAndAllOrNothing() {
        long section = TestSections.create(system, alice, 0x10000, PAGE_READWRITE, SEC_COMMIT);
        long view = TestSections.mapInUserMode(system, alice, section, PAGE_READWRITE);
        system.userCode(alice, () -> memory.writeLong(view + 0xFFD, 0x0102030405060708L));
        assertEquals(0x0102030405060708L, (long) system.inUserMode(alice, () -> memory.readLong(view + 0xFFD)));
        assertEquals((byte) 0x08, (byte) system.inUserMode(alice, () -> memory.readByte(view + 0xFFD)));
        system.inUserMode(alice, () -> system.nt().ntProtectVirtualMemory(ME, new LongOut(view + 0x1000), new LongOut(1),
                PAGE_READONLY, new LongOut()));
        assertEquals(STATUS_ACCESS_VIOLATION, system.userCode(alice, () -> memory.writeInt(view + 0xFFE, -1)));
        assertEquals((short) 0x0607, (short) system.inUserMode(alice, () -> memory.readShort(view + 0xFFE)), "nothing was written");
    }
}
