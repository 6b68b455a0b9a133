package ntsection.io;

import ntsection.Executive;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.ob.Handles;
import ntsection.ob.ObjectAttributes;
import ntsection.ps.Process;
import ntsection.testing.Systems;
import org.junit.jupiter.api.Test;

import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

import static ntsection.io.FileAccess.FILE_READ_DATA;
import static ntsection.io.IrpMajor.*;
import static ntsection.mm.PageProtection.*;
import static ntsection.nt.NtStatus.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A driver that queues an IRP and completes it later from another thread, as a lower
 * driver in an arbitrary context does: the caller sees STATUS_PENDING, and the
 * completion still copies METHOD_BUFFERED output into the requestor's own address space.
 */
class PendingIrpTest {
    private final Executive system = Systems.boot();
    private final List<Irp> queue = new ArrayList<>();

    PendingIrpTest() {
        system.io().registry().register("queue", () -> (sys, driver, path) -> {
            NtStatus status = sys.io().ioCreateDevice(driver, null, "\\Device\\Queue", DeviceFlags.FILE_DEVICE_UNKNOWN, 0,
                    false, new ntsection.nt.Out<>());
            DispatchRoutine succeed = (device, irp) -> {
                irp.IoStatus.Status = STATUS_SUCCESS;
                sys.io().ioCompleteRequest(irp, IoManager.IO_NO_INCREMENT);
                return STATUS_SUCCESS;
            };
            driver.MajorFunction[IRP_MJ_CREATE] = succeed;
            driver.MajorFunction[IRP_MJ_CLEANUP] = succeed;
            driver.MajorFunction[IRP_MJ_CLOSE] = succeed;
            driver.MajorFunction[IRP_MJ_DEVICE_CONTROL] = (device, irp) -> {
                IoManager.ioMarkIrpPending(irp);
                queue.add(irp);
                return STATUS_PENDING;
            };
            return status;
        });
        assertEquals(STATUS_SUCCESS, system.loadDriver("queue"));
    }

    @Test
    void anIrpCompletedLaterFromASystemThreadCopiesItsOutputIntoTheRequestorsAddressSpace() {
        Process alice = system.createProcess("alice", false);
        long out = allocate(alice);
        LongOut handle = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice, () -> system.nt().ntOpenFile(handle, FILE_READ_DATA,
                ObjectAttributes.named("\\Device\\Queue", 0), new IoStatusBlock())));
        IoStatusBlock ioStatus = new IoStatusBlock();
        assertEquals(STATUS_PENDING, system.inUserMode(alice, () -> system.nt().ntDeviceIoControlFile(handle.value, ioStatus,
                0x222000, 0, 0, out, 4)));
        Irp irp = queue.getFirst();
        assertTrue(irp.PendingReturned);
        system.systemThreadCode(() -> {
            irp.AssociatedIrp.SystemBuffer.set(ValueLayout.JAVA_INT_UNALIGNED, 0, 0x04030201);
            irp.IoStatus.Status = STATUS_SUCCESS;
            irp.IoStatus.Information = 4;
            system.io().ioCompleteRequest(irp, IoManager.IO_NO_INCREMENT);
            return null;
        });
        assertArrayEquals(new byte[] {1, 2, 3, 4}, system.inUserMode(alice, () -> system.mm().access().read(out, 4)));
        assertEquals(STATUS_SUCCESS, system.inUserMode(alice, () -> system.nt().ntClose(handle.value)));
    }

    @Test
    void completingAnIrpTwiceBugChecks() {
        Process alice = system.createProcess("alice", false);
        LongOut handle = new LongOut();
        system.inUserMode(alice, () -> system.nt().ntOpenFile(handle, FILE_READ_DATA,
                ObjectAttributes.named("\\Device\\Queue", 0), new IoStatusBlock()));
        system.inUserMode(alice, () -> system.nt().ntDeviceIoControlFile(handle.value, new IoStatusBlock(), 0x222000, 0, 0, 0, 0));
        Irp irp = queue.getFirst();
        system.systemThreadCode(() -> {
            system.io().ioCompleteRequest(irp, IoManager.IO_NO_INCREMENT);
            return null;
        });
        ntsection.ke.BugCheckError crash = assertThrows(ntsection.ke.BugCheckError.class, () -> system.systemThreadCode(() -> {
            system.io().ioCompleteRequest(irp, IoManager.IO_NO_INCREMENT);
            return null;
        }));
        assertEquals(ntsection.ke.BugCheckCodes.MULTIPLE_IRP_COMPLETE_REQUESTS, crash.bugCheck().code());
    }

    /** A page of user memory in the process, for the pending request's output. */
    private long allocate(Process process) {
        LongOut base = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inUserMode(process, () -> system.nt().ntAllocateVirtualMemory(
                Handles.NtCurrentProcess, base, 0, new LongOut(0x1000), MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE)));
        return base.value;
    }
}
