package ntsection.io;

import ntsection.io.samples.EchoDriver;
import ntsection.io.samples.EchoFilterDriver;
import ntsection.io.samples.FilterExtension;
import ntsection.ke.ProcessorMode;
import ntsection.nt.LongOut;
import ntsection.ob.ObjectAttributes;
import ntsection.ps.Process;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static ntsection.io.FileAccess.FILE_READ_DATA;
import static ntsection.io.IrpMajor.*;
import static ntsection.io.samples.EchoIoctl.IOCTL_ECHO_WHO;
import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static ntsection.ob.Attributes.OBJ_KERNEL_HANDLE;
import static org.junit.jupiter.api.Assertions.*;

/** Where a dispatch routine runs, and what it is told about its caller. */
class DispatchContextTest {
    private final EchoSystem echo = new EchoSystem();
    private final Process alice = echo.system.createProcess("alice", false);

    @Test
    void theHighestLevelDriversDispatchRoutineRunsInTheCallersThreadWithRequestorModeUser() {
        long handle = echo.open(alice, FILE_READ_DATA);
        long out = echo.allocate(alice, 0x1000);
        IoStatusBlock status = new IoStatusBlock();
        assertEquals(STATUS_SUCCESS, echo.ioctl(alice, handle, IOCTL_ECHO_WHO, 0, 0, out, 8, status));
        assertSame(alice.mainThread(), echo.echo().lastThread);
        assertEquals(ProcessorMode.UserMode, echo.echo().lastRequestorMode);
        ByteBuffer who = ByteBuffer.wrap(echo.read(alice, out, 8)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(alice.id(), who.getInt());
        assertEquals(1, who.getInt());
    }

    @Test
    void aKernelModeCallerMakesRequestorModeKernel() {
        LongOut handle = new LongOut();
        IoStatusBlock status = new IoStatusBlock();
        long out = echo.allocate(alice, 0x1000);
        echo.system.kernelCode(alice, () -> {
            assertEquals(STATUS_SUCCESS, echo.system.zw().zwOpenFile(handle, FILE_READ_DATA,
                    ObjectAttributes.named(EchoDriver.DEVICE_NAME, OBJ_KERNEL_HANDLE), new IoStatusBlock()));
            assertEquals(STATUS_SUCCESS, echo.system.zw().zwDeviceIoControlFile(handle.value, status, IOCTL_ECHO_WHO, 0, 0,
                    out, 8));
            echo.system.zw().zwClose(handle.value);
        });
        assertEquals(ProcessorMode.KernelMode, echo.echo().lastRequestorMode);
    }

    @Test
    void aFilterOnTopSeesEveryIrpFirstInTheCallersThreadAndPassesItDown() {
        assertEquals(STATUS_SUCCESS, echo.system.loadDriver(EchoFilterDriver.SERVICE_NAME));
        DeviceObject filter = echo.system.io().driver(EchoFilterDriver.SERVICE_NAME).devices().getFirst();
        assertSame(filter, echo.echoDevice().AttachedDevice);
        assertEquals(2, filter.StackSize);
        long handle = echo.open(alice, FILE_READ_DATA);
        echo.ioctl(alice, handle, IOCTL_ECHO_WHO, 0, 0, echo.allocate(alice, 0x1000), 8, new IoStatusBlock());
        echo.close(alice, handle);
        FilterExtension extension = filter.extension(FilterExtension.class);
        assertEquals(1, extension.passed[IRP_MJ_CREATE]);
        assertEquals(1, extension.passed[IRP_MJ_DEVICE_CONTROL]);
        assertEquals(1, extension.passed[IRP_MJ_CLEANUP]);
        assertEquals(2, extension.passed[IRP_MJ_CLOSE], "the close of the filter's own file object at load, then alice's");
        assertSame(alice.mainThread(), extension.lastThread);
        assertEquals(2, echo.echo().creates, "the filter's own open at load, then alice's");
        assertEquals(ProcessorMode.UserMode, echo.echo().lastRequestorMode);
    }

    @Test
    void unloadingTheFilterDetachesItAndIrpsGoStraightToTheDeviceAgain() {
        echo.system.loadDriver(EchoFilterDriver.SERVICE_NAME);
        assertEquals(STATUS_SUCCESS, echo.system.unloadDriver(EchoFilterDriver.SERVICE_NAME));
        assertNull(echo.echoDevice().AttachedDevice);
        long handle = echo.open(alice, FILE_READ_DATA);
        assertEquals(STATUS_SUCCESS, echo.close(alice, handle));
        assertEquals(2, echo.echo().closes);
    }
}
