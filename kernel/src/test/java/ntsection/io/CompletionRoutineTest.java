package ntsection.io;

import ntsection.io.samples.EchoDriver;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ps.Process;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static ntsection.io.FileAccess.FILE_READ_DATA;
import static ntsection.io.IrpMajor.IRP_MJ_DEVICE_CONTROL;
import static ntsection.io.samples.EchoIoctl.IOCTL_ECHO_BUFFERED;
import static ntsection.nt.NtStatus.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * An upper driver that copies its stack location down and sets a completion routine
 * sees the lower driver's result on the way up, with its own device; by returning
 * STATUS_MORE_PROCESSING_REQUIRED it takes the IRP back and completes it itself.
 */
class CompletionRoutineTest {
    private final EchoSystem echo = new EchoSystem();
    private final Process alice = echo.system.createProcess("alice", false);
    private final List<String> seen = new ArrayList<>();

    private void loadWatcher(boolean takeBack) {
        echo.system.io().registry().register("watcher", () -> (system, driver, path) -> {
            IoManager io = system.io();
            Out<DeviceObject> device = new Out<>();
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
                io.ioCopyCurrentIrpStackLocationToNext(irp);
                io.ioSetCompletionRoutine(irp, (completing, completed, context) -> {
                    seen.add(context + " " + (completing == self) + " " + completed.IoStatus.Status + " "
                            + completed.IoStatus.Information);
                    return takeBack ? STATUS_MORE_PROCESSING_REQUIRED : STATUS_SUCCESS;
                }, "watcher", true, true);
                NtStatus status = io.ioCallDriver(self.attachedTo(), irp);
                if (takeBack) {
                    irp.IoStatus.Information = 2;
                    io.ioCompleteRequest(irp, IoManager.IO_NO_INCREMENT);
                }
                return status;
            };
            NtStatus created = io.ioCreateDevice(driver, null, null, DeviceFlags.FILE_DEVICE_UNKNOWN, 0, false, device);
            if (created.isSuccess()) io.ioAttachDeviceToDeviceStack(device.value, target.value);
            system.ob().obDereferenceObject(file.value);
            return created;
        });
        assertEquals(STATUS_SUCCESS, echo.system.loadDriver("watcher"));
    }

    @Test
    void theCompletionRoutineSeesTheLowerDriversResultWithItsOwnDevice() {
        loadWatcher(false);
        long handle = echo.open(alice, FILE_READ_DATA);
        long buffer = echo.allocate(alice, 0x1000);
        IoStatusBlock status = new IoStatusBlock();
        assertEquals(STATUS_SUCCESS, echo.ioctl(alice, handle, IOCTL_ECHO_BUFFERED, buffer, 4, buffer + 8, 4, status));
        assertEquals(List.of("watcher true STATUS_SUCCESS 4"), seen);
        assertEquals(4, status.Information);
    }

    @Test
    void moreProcessingRequiredGivesTheIrpBackToTheDriverThatCompletesItLater() {
        loadWatcher(true);
        long handle = echo.open(alice, FILE_READ_DATA);
        long buffer = echo.allocate(alice, 0x1000);
        echo.write(alice, buffer, new byte[] {7, 7, 7, 7});
        IoStatusBlock status = new IoStatusBlock();
        assertEquals(STATUS_SUCCESS, echo.ioctl(alice, handle, IOCTL_ECHO_BUFFERED, buffer, 4, buffer + 8, 4, status));
        assertEquals(List.of("watcher true STATUS_SUCCESS 4"), seen);
        assertEquals(2, status.Information, "the upper driver's own completion decided");
        assertArrayEquals(new byte[] {7, 7, 0, 0}, echo.read(alice, buffer + 8, 4));
    }
}
