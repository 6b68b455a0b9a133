package ntsection.io;

import ntsection.io.samples.EchoDriver;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ps.Process;
import ntsection.ps.ProcessManager;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static ntsection.io.FileAccess.FILE_READ_DATA;
import static ntsection.io.IrpMajor.IRP_MJ_DEVICE_CONTROL;
import static ntsection.io.samples.EchoIoctl.IOCTL_ECHO_NEITHER;
import static ntsection.io.samples.EchoIoctl.IOCTL_ECHO_WHO;
import static ntsection.nt.NtStatus.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A lower driver's dispatch routine may run in an arbitrary context: here an upper
 * driver queues each control request and a system worker thread passes it down later.
 * The echo driver then runs in the System process. A system buffer and the
 * I/O manager's completion still reach the requestor; METHOD_NEITHER's user pointers
 * name the System process's (empty) user range instead of the caller's.
 */
class ArbitraryContextTest {
    private final EchoSystem echo = new EchoSystem();
    private final Process alice = echo.system.createProcess("alice", false);
    private final List<Irp> queue = new ArrayList<>();
    private DeviceObject lower;

    ArbitraryContextTest() {
        echo.system.io().registry().register("deferrer", () -> (system, driver, path) -> {
            IoManager io = system.io();
            Out<FileObject> file = new Out<>();
            Out<DeviceObject> target = new Out<>();
            NtStatus found = io.ioGetDeviceObjectPointer(EchoDriver.DEVICE_NAME, FILE_READ_DATA, file, target);
            if (!found.isSuccess()) return found;
            for (int major = 0; major < driver.MajorFunction.length; major++) {
                driver.MajorFunction[major] = (self, irp) -> {
                    IoManager.ioSkipCurrentIrpStackLocation(irp);
                    return io.ioCallDriver(self.attachedTo(), irp);
                };
            }
            driver.MajorFunction[IRP_MJ_DEVICE_CONTROL] = (self, irp) -> {
                IoManager.ioMarkIrpPending(irp);
                queue.add(irp);
                return STATUS_PENDING;
            };
            Out<DeviceObject> device = new Out<>();
            NtStatus created = io.ioCreateDevice(driver, null, null, DeviceFlags.FILE_DEVICE_UNKNOWN, 0, false, device);
            if (created.isSuccess()) lower = io.ioAttachDeviceToDeviceStack(device.value, target.value);
            system.ob().obDereferenceObject(file.value);
            return created;
        });
        assertEquals(STATUS_SUCCESS, echo.system.loadDriver("deferrer"));
    }

    /** The system worker passes the queued IRP down: the echo driver runs in the System process. */
    private void passDownFromTheSystemWorker() {
        Irp irp = queue.removeFirst();
        echo.system.systemThreadCode(() -> {
            IoManager.ioSkipCurrentIrpStackLocation(irp);
            return echo.system.io().ioCallDriver(lower, irp);
        });
    }

    @Test
    void aBufferedRequestPassedDownFromASystemThreadStillCompletesIntoTheRequestorsBuffer() {
        long handle = echo.open(alice, FILE_READ_DATA);
        long out = echo.allocate(alice, 0x1000);
        assertEquals(STATUS_PENDING, echo.ioctl(alice, handle, IOCTL_ECHO_WHO, 0, 0, out, 8, new IoStatusBlock()));
        passDownFromTheSystemWorker();
        ByteBuffer who = ByteBuffer.wrap(echo.read(alice, out, 8)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(ProcessManager.SYSTEM_PROCESS_ID, who.getInt(), "the lower driver ran in the System process");
        assertEquals(1, who.getInt(), "the IRP still says the request came from user mode");
        assertSame(echo.system.systemWorker(), echo.echo().lastThread);
    }

    @Test
    void methodNeitherPointersMeanNothingInAnotherContext() {
        long handle = echo.open(alice, FILE_READ_DATA);
        long in = echo.allocate(alice, 0x1000);
        long out = echo.allocate(alice, 0x1000);
        echo.write(alice, in, new byte[] {1, 2, 3, 4});
        assertEquals(STATUS_PENDING, echo.ioctl(alice, handle, IOCTL_ECHO_NEITHER, in, 4, out, 4, new IoStatusBlock()));
        Irp irp = queue.getFirst();
        passDownFromTheSystemWorker();
        assertEquals(STATUS_ACCESS_VIOLATION, irp.IoStatus.Status, "alice's addresses are unmapped in the System process");
        assertArrayEquals(new byte[4], echo.read(alice, out, 4));
    }
}
