package ntsection.mm.view;

import ntsection.Executive;
import ntsection.ke.ProcessorMode;
import ntsection.ke.Seh;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.ob.Handles;
import ntsection.ps.Process;
import ntsection.ps.Thread;
import ntsection.testing.Systems;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static ntsection.mm.PageProtection.*;
import static ntsection.nt.NtStatus.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Free mode: one thread of a process maps and unmaps a view again and again while a
 * driver in another of its threads copies from the view's address under try/except.
 * Every copy either sees the view or takes an access violation, and when it is over
 * every frame is back.
 */
class ConcurrentUnmapTest {
    @Test
    void aDriverCopyingWhileTheUserUnmapsSeesTheViewOrAnAccessViolationAndNothingLeaks() throws Exception {
        Executive system = Systems.boot();
        Process alice = system.createProcess("alice", false);
        Thread driverThread = system.ps().createThread(alice);
        driverThread.setModes(ProcessorMode.KernelMode, ProcessorMode.UserMode);
        long section = TestSections.create(system, alice, 0x40000, PAGE_READWRITE, SEC_COMMIT);
        long view = TestSections.mapInUserMode(system, alice, section, PAGE_READWRITE);
        system.userCode(alice, () -> system.mm().access().write(view, new byte[0x40000]));
        int free = system.mm().physicalMemory().freeFrames();

        AtomicBoolean done = new AtomicBoolean();
        Set<NtStatus> outcomes = ConcurrentHashMap.newKeySet();
        java.lang.Thread driver = java.lang.Thread.ofPlatform().start(() -> {
            byte[] buffer = new byte[0x40000];
            while (!done.get()) {
                outcomes.add(system.runAs(driverThread, () -> Seh.guard(
                        () -> system.mm().access().read(view, java.lang.foreign.MemorySegment.ofArray(buffer), 0, buffer.length))));
            }
        });
        for (int i = 0; i < 2000; i++) {
            assertEquals(STATUS_SUCCESS, system.inUserMode(alice,
                    () -> system.nt().ntUnmapViewOfSection(Handles.NtCurrentProcess, view)));
            LongOut base = new LongOut(view);
            assertEquals(STATUS_SUCCESS, system.inUserMode(alice, () -> system.nt().ntMapViewOfSection(section,
                    Handles.NtCurrentProcess, base, 0, 0, null, new LongOut(), ViewUnmap, 0, PAGE_READWRITE)));
        }
        done.set(true);
        driver.join();
        assertTrue(EnumSet.of(STATUS_SUCCESS, STATUS_ACCESS_VIOLATION).containsAll(outcomes), outcomes.toString());
        assertFalse(system.kernel().isHalted());
        system.terminateProcess(alice, STATUS_SUCCESS);
        assertEquals(free + 64, system.mm().physicalMemory().freeFrames(), "the section's frames went with its last view");
    }
}
