package ntsection.mm.section;

import ntsection.mm.CommitCharge;
import ntsection.mm.ControlArea;
import ntsection.mm.PhysicalMemory;
import org.junit.jupiter.api.Test;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.junit.jupiter.api.Assertions.*;

/** ControlArea.frameNumber and PhysicalMemory.allocate: the access path's first touch of a page. */
class FrameMaterializationTest {
    @Test
    void frameNumberMaterializesAPageOnceAndKeepsItsFrame() {
        try (PhysicalMemory memory = new PhysicalMemory(8)) {
            CommitCharge charge = new CommitCharge(8);
            assertEquals(ntsection.nt.NtStatus.STATUS_SUCCESS, charge.charge(2));
            ControlArea area = ControlArea.pageFileBacked(memory, charge, 2, true);
            assertEquals(-1, area.frameOf(1), "untouched");
            int frame = area.frameNumber(1);
            assertEquals(frame, area.frameOf(1));
            assertEquals(frame, area.frameNumber(1), "the second touch finds the same frame");
            assertEquals(7, memory.freeFrames());
        }
    }

    @Test
    void allocateHandsOutAZeroedFrameAfterReuse() {
        try (PhysicalMemory memory = new PhysicalMemory(1)) {
            int frame = memory.allocate();
            memory.frame(frame).fill((byte) 0x5A);
            memory.release(frame);
            int again = memory.allocate();
            assertEquals(frame, again);
            for (int i = 0; i < 4096; i++) assertEquals(0, memory.frame(again).get(JAVA_BYTE, i));
            assertEquals(-1, memory.allocate(), "exhausted is -1, not an exception");
        }
    }
}
