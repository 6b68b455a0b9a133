package ntsection.io;

import ntsection.Executive;
import ntsection.io.samples.EchoDriver;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.ps.Process;
import ntsection.testing.Systems;
import org.junit.jupiter.api.Test;

import static ntsection.io.FileAccess.FILE_READ_DATA;
import static ntsection.io.IrpMajor.IRP_MJ_CREATE;
import static ntsection.io.IrpMajor.IRP_MJ_CLOSE;
import static ntsection.nt.NtStatus.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * NT's unload rule: an unload asked for while a file is open on one of the driver's
 * devices is only marked pending; the devices refuse new opens; DriverUnload runs
 * when the last file closes.
 */
class DriverUnloadTest {
    private final EchoSystem echo = new EchoSystem();
    private final Process alice = echo.system.createProcess("alice", false);

    @Test
    void anUnloadWithNoOpenFileRunsAtOnceAndTakesTheNamesAway() {
        assertEquals(STATUS_SUCCESS, echo.system.unloadDriver(EchoDriver.SERVICE_NAME));
        assertNull(echo.system.io().driver(EchoDriver.SERVICE_NAME));
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, echo.open(alice, EchoDriver.DEVICE_NAME, FILE_READ_DATA, new LongOut()));
    }

    @Test
    void anUnloadWhileAFileIsOpenWaitsForItsLastCloseAndRefusesNewOpensMeanwhile() {
        long handle = echo.open(alice, FILE_READ_DATA);
        DriverObject driver = echo.system.io().driver(EchoDriver.SERVICE_NAME);
        assertEquals(STATUS_SUCCESS, echo.system.unloadDriver(EchoDriver.SERVICE_NAME));
        assertTrue(driver.isUnloadPending());
        assertFalse(driver.isUnloaded());
        assertEquals(STATUS_NO_SUCH_DEVICE, echo.open(alice, EchoDriver.DEVICE_NAME, FILE_READ_DATA, new LongOut()));
        assertEquals(STATUS_SUCCESS, echo.close(alice, handle));
        assertTrue(driver.isUnloaded());
        assertTrue(driver.isDeleted());
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, echo.open(alice, EchoDriver.DEVICE_NAME, FILE_READ_DATA, new LongOut()));
    }

    @Test
    void aDriverCanBeLoadedAgainAfterItUnloaded() {
        echo.system.unloadDriver(EchoDriver.SERVICE_NAME);
        assertEquals(STATUS_SUCCESS, echo.system.loadDriver(EchoDriver.SERVICE_NAME));
        echo.open(alice, FILE_READ_DATA);
    }

    @Test
    void loadingTwiceIsImageAlreadyLoadedAndAnUnknownNameIsNotFound() {
        assertEquals(STATUS_IMAGE_ALREADY_LOADED, echo.system.loadDriver(EchoDriver.SERVICE_NAME));
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, echo.system.loadDriver("no-such-driver"));
        assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, echo.system.unloadDriver("no-such-driver"));
    }

    @Test
    void aDriverWithoutAnUnloadRoutineCannotBeUnloaded() {
        Executive system = Systems.boot();
        system.io().registry().register("sticky", () -> (sys, driver, path) -> STATUS_SUCCESS);
        assertEquals(STATUS_SUCCESS, system.loadDriver("sticky"));
        assertEquals(STATUS_INVALID_DEVICE_REQUEST, system.unloadDriver("sticky"));
    }

    @Test
    void aMajorFunctionTheDriverLeftUnsetIsAnInvalidDeviceRequest() {
        Executive system = Systems.boot();
        system.io().registry().register("create-only", () -> (sys, driver, path) -> {
            NtStatus status = sys.io().ioCreateDevice(driver, null, "\\Device\\CreateOnly", DeviceFlags.FILE_DEVICE_UNKNOWN,
                    0, false, new ntsection.nt.Out<>());
            DispatchRoutine succeed = (device, irp) -> {
                irp.IoStatus.Status = STATUS_SUCCESS;
                sys.io().ioCompleteRequest(irp, IoManager.IO_NO_INCREMENT);
                return STATUS_SUCCESS;
            };
            driver.MajorFunction[IRP_MJ_CREATE] = succeed;
            driver.MajorFunction[IRP_MJ_CLOSE] = succeed;
            return status;
        });
        assertEquals(STATUS_SUCCESS, system.loadDriver("create-only"));
        Process bob = system.createProcess("bob", false);
        LongOut handle = new LongOut();
        assertEquals(STATUS_SUCCESS, system.inUserMode(bob, () -> system.nt().ntOpenFile(handle, FILE_READ_DATA,
                ntsection.ob.ObjectAttributes.named("\\Device\\CreateOnly", 0), new IoStatusBlock())));
        assertEquals(STATUS_INVALID_DEVICE_REQUEST, system.inUserMode(bob, () -> system.nt().ntDeviceIoControlFile(
                handle.value, new IoStatusBlock(), 0x222000, 0, 0, 0, 0)));
        assertEquals(STATUS_SUCCESS, system.inUserMode(bob, () -> system.nt().ntClose(handle.value)));
    }

    @Test
    void anExceptionEscapingDriverEntryBugChecksAsASystemThreadException() {
        Executive system = Systems.boot();
        system.io().registry().register("faulty", () -> (sys, driver, path) -> {
            sys.mm().access().readInt(0x10000);
            return STATUS_SUCCESS;
        });
        ntsection.ke.BugCheckError crash = assertThrows(ntsection.ke.BugCheckError.class, () -> system.loadDriver("faulty"));
        assertEquals(ntsection.ke.BugCheckCodes.SYSTEM_THREAD_EXCEPTION_NOT_HANDLED, crash.bugCheck().code());
    }
}
