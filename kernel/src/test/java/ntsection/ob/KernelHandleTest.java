package ntsection.ob;

import ntsection.Executive;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ps.Process;
import ntsection.testing.Systems;
import org.junit.jupiter.api.Test;

import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Attributes.OBJ_KERNEL_HANDLE;
import static org.junit.jupiter.api.Assertions.*;

/** Rule SV1's ground: where a handle lands depends on OBJ_KERNEL_HANDLE and the previous mode. */
class KernelHandleTest {
    private final Executive system = Systems.boot();
    private final Process alice = system.createProcess("alice", false);

    @Test
    void kernelHandleFromZwCarriesTheKernelBitAndIsInvalidFromUserMode() {
        LongOut event = new LongOut();
        NtStatus created = system.inDispatchRoutine(alice,
                () -> system.zw().zwCreateEvent(event, 0x1F0003, ObjectAttributes.unnamed(OBJ_KERNEL_HANDLE), 0, false));
        assertEquals(STATUS_SUCCESS, created);
        assertEquals(0xFFFFFFFF80000000L, event.value & Handles.KERNEL_HANDLE_FLAG);
        assertEquals(0, alice.handleTable().count(), "nothing lands in the user's table");

        assertEquals(STATUS_INVALID_HANDLE, system.inUserMode(alice, () -> system.nt().ntClose(event.value)));
        Out<ObjectBasicInformation> info = new Out<>();
        assertEquals(STATUS_SUCCESS, system.inSystemThread(() -> system.zw().zwQueryObject(event.value, info)));
        assertEquals(1, info.value.handleCount());
        assertEquals(2, info.value.pointerCount(), "one for the handle, one for the query itself");
        assertEquals(STATUS_SUCCESS, system.inSystemThread(() -> system.zw().zwClose(event.value)));
    }

    @Test
    void userModeCannotAskForAKernelHandle() {
        LongOut event = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice,
                () -> system.nt().ntCreateEvent(event, 0x1F0003, ObjectAttributes.unnamed(OBJ_KERNEL_HANDLE), 0, false)));
        assertEquals(4, event.value, "the flag is dropped silently and the first handle of a new table is 4");
        assertEquals(1, alice.handleTable().count());
    }
}
