package ntsection.io;

import ntsection.mm.Section;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ob.KernelObject;
import ntsection.ob.ObjectAttributes;
import ntsection.ps.Process;
import org.junit.jupiter.api.Test;

import static ntsection.io.FileAccess.FILE_READ_DATA;
import static ntsection.io.samples.EchoIoctl.IOCTL_ECHO_NEITHER;
import static ntsection.io.samples.EchoIoctl.IOCTL_ECHO_NEITHER_UNGUARDED;
import static ntsection.ke.ProcessorMode.KernelMode;
import static ntsection.mm.PageProtection.*;
import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Attributes.OBJ_KERNEL_HANDLE;
import static org.junit.jupiter.api.Assertions.*;

/**
 * METHOD_NEITHER's raw pointers are the user's choice: a driver that does not probe
 * them writes wherever the user points, kernel memory included, because its dispatch
 * routine runs in kernel mode. The probing driver refuses the same request.
 */
class MethodNeitherAttackTest {
    private final EchoSystem echo = new EchoSystem();
    private final Process mallory = echo.system.createProcess("mallory", false);
    private final long handle = echo.open(mallory, FILE_READ_DATA);
    private final long payload = echo.allocate(mallory, 0x1000);
    private final Section section = kernelSection();
    private final long secret = mapInSystemSpace();

    {
        echo.write(mallory, payload, new byte[] {0x66, 0x66, 0x66, 0x66});
        echo.system.inSystemThread(() -> {
            echo.system.mm().access().write(secret, new byte[] {0x11, 0x22, 0x33, 0x44});
            return null;
        });
    }

    @Test
    void anUnprobedOutputPointerLetsAUserOverwriteKernelMemory() {
        assertEquals(STATUS_SUCCESS, echo.ioctl(mallory, handle, IOCTL_ECHO_NEITHER_UNGUARDED, payload, 4, secret, 4,
                new IoStatusBlock()));
        assertArrayEquals(new byte[] {0x66, 0x66, 0x66, 0x66}, kernelBytes());
        release();
    }

    @Test
    void theProbingDriverRefusesAKernelOutputPointer() {
        assertEquals(STATUS_ACCESS_VIOLATION, echo.ioctl(mallory, handle, IOCTL_ECHO_NEITHER, payload, 4, secret, 4,
                new IoStatusBlock()));
        assertArrayEquals(new byte[] {0x11, 0x22, 0x33, 0x44}, kernelBytes());
        release();
    }

    private byte[] kernelBytes() {
        return echo.system.inSystemThread(() -> echo.system.mm().access().read(secret, 4));
    }

    private Section kernelSection() {
        return echo.system.inSystemThread(() -> {
            LongOut created = new LongOut();
            assertEquals(STATUS_SUCCESS, echo.system.zw().zwCreateSection(created, SECTION_ALL_ACCESS,
                    ObjectAttributes.unnamed(OBJ_KERNEL_HANDLE), 0x1000L, PAGE_READWRITE, SEC_COMMIT, 0));
            Out<KernelObject> object = new Out<>();
            NtStatus referenced = echo.system.ob().obReferenceObjectByHandle(created.value, 0,
                    echo.system.ob().types().section(), KernelMode, object, null);
            assertEquals(STATUS_SUCCESS, referenced);
            echo.system.zw().zwClose(created.value);
            return (Section) object.value;
        });
    }

    private long mapInSystemSpace() {
        LongOut base = new LongOut();
        assertEquals(STATUS_SUCCESS, echo.system.mm().mmMapViewInSystemSpace(section, base, new LongOut()));
        return base.value;
    }

    private void release() {
        echo.system.mm().mmUnmapViewInSystemSpace(secret);
        echo.system.ob().obDereferenceObject(section);
    }
}
