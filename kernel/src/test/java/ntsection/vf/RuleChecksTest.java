package ntsection.vf;

import ntsection.Executive;
import ntsection.io.IoStatusBlock;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.ob.Handles;
import ntsection.ob.ObjectAttributes;
import ntsection.ps.Process;
import ntsection.testing.Systems;
import ntsection.vf.probe.ProbeDriver;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static ntsection.io.FileAccess.FILE_GENERIC_READ;
import static ntsection.io.FileAccess.FILE_GENERIC_WRITE;
import static ntsection.mm.PageProtection.*;
import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static ntsection.ob.Attributes.OBJ_KERNEL_HANDLE;
import static ntsection.ob.Handles.NtCurrentProcess;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The access checks (SV5, SV6) on a probe driver that reads its caller's raw
 * METHOD_NEITHER input: what counts as the driver's access, guards, one finding per
 * line, and the per-request reset; and what is not judged (the I/O manager's copies,
 * kernel code outside any driver).
 */
class RuleChecksTest {
    private final Executive system = Systems.boot();
    private final RuleChecks checks = RuleChecks.install(system);
    private final Process caller;
    private final long buffer;
    private final long device;

    RuleChecksTest() {
        system.io().registry().register(ProbeDriver.SERVICE_NAME, ProbeDriver::new);
        assertEquals(STATUS_SUCCESS, system.loadDriver(ProbeDriver.SERVICE_NAME));
        caller = system.createProcess("caller.exe", false);
        LongOut base = new LongOut();
        LongOut file = new LongOut();
        system.inUserMode(caller, () -> {
            assertEquals(STATUS_SUCCESS, system.nt().ntAllocateVirtualMemory(NtCurrentProcess, base, 0, new LongOut(4096),
                    MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE));
            assertEquals(STATUS_SUCCESS, system.nt().ntOpenFile(file, FILE_GENERIC_READ | FILE_GENERIC_WRITE,
                    ObjectAttributes.named(ProbeDriver.DEVICE_NAME, 0), new IoStatusBlock()));
            return null;
        });
        buffer = base.value;
        device = file.value;
    }

    private NtStatus control(int code) {
        return system.inUserMode(caller, () -> system.nt().ntDeviceIoControlFile(device, new IoStatusBlock(), code,
                buffer, 64, buffer, 64));
    }

    @Test
    void anUnguardedDoubleReadBreaksSv5AtEachLineAndSv6AtTheSecond() {
        assertEquals(STATUS_SUCCESS, control(ProbeDriver.READ_TWICE));
        List<Violation> sv5 = checks.violations(Rule.SV5);
        List<Violation> sv6 = checks.violations(Rule.SV6);
        assertEquals(2, sv5.size(), () -> checks.violations().toString());
        assertEquals(1, sv6.size(), () -> checks.violations().toString());
        assertEquals(3, checks.violations().size());
        for (Violation violation : checks.violations()) {
            assertEquals(ProbeDriver.class.getName(), violation.frame().getClassName());
            assertEquals("deviceControl", violation.frame().getMethodName());
            assertEquals(caller.describe(), violation.process());
            assertEquals(caller.mainThread().describe(), violation.thread());
            assertEquals("user range of " + caller.describe(), violation.object());
            assertEquals(-1, violation.step());
        }
        assertTrue(sv6.getFirst().frame().getLineNumber() > sv5.getFirst().frame().getLineNumber());
        assertEquals(sv5.get(1).frame(), sv6.getFirst().frame(), "the second read is the one flagged twice");
    }

    @Test
    void aGuardedReadOncePerRequestBreaksNothing() {
        for (int i = 0; i < 3; i++) assertEquals(STATUS_SUCCESS, control(ProbeDriver.READ_GUARDED));
        assertEquals(List.of(), checks.violations());
    }

    @Test
    void oneLineThatBreaksSv5EightTimesOnOneObjectIsOneFinding() {
        assertEquals(STATUS_SUCCESS, control(ProbeDriver.SCAN));
        assertEquals(1, checks.violations().size(), () -> checks.violations().toString());
        assertEquals(Rule.SV5, checks.violations().getFirst().rule());
    }

    @Test
    void theIoManagersOwnCopiesAreNotTheDriversAccesses() {
        assertEquals(STATUS_SUCCESS, control(ProbeDriver.ECHO));
        assertEquals(List.of(), checks.violations());
    }

    @Test
    void kernelCodeOutsideAnyDriverIsNotJudged() {
        system.kernelCode(caller, () -> {
            system.mm().access().readInt(buffer);
            system.mm().access().readInt(buffer);
        });
        assertEquals(List.of(), checks.violations());
    }

    @Test
    void aHandleValueFromTheCallerReferencedInKernelModeBreaksSv7() {
        LongOut event = new LongOut();
        system.inUserMode(caller, () -> {
            assertEquals(STATUS_SUCCESS, system.nt().ntCreateEvent(event, 0x1F0003, ObjectAttributes.unnamed(0), 0, false));
            system.mm().access().writeLong(buffer, event.value);
            return null;
        });
        assertEquals(STATUS_SUCCESS, control(ProbeDriver.USE_CALLERS_HANDLE));
        assertEquals(Set.of(Rule.SV7), checks.broken(), () -> checks.violations().toString());
        assertEquals(1, checks.violations().size());
        assertTrue(checks.violations().getFirst().message().contains("user mode made"));
        LongOut kernelEvent = new LongOut();
        system.inSystemThread(() -> system.zw().zwCreateEvent(kernelEvent, 0x1F0003,
                ObjectAttributes.unnamed(OBJ_KERNEL_HANDLE), 0, false));
        assertTrue(Handles.hasKernelBit(kernelEvent.value));
        system.inUserMode(caller, () -> {
            system.mm().access().writeLong(buffer, kernelEvent.value);
            return null;
        });
        checks.clearViolations();
        assertEquals(STATUS_SUCCESS, control(ProbeDriver.USE_CALLERS_HANDLE), "kernel mode passes a forged kernel handle");
        assertEquals(1, checks.violations().size(), () -> checks.violations().toString());
        assertEquals(Rule.SV7, checks.violations().getFirst().rule());
        assertTrue(checks.violations().getFirst().message().contains("request's input"));
    }

    @Test
    void aSectionHandleTheDriverMakesInTheCallersTableAndUsesBreaksSv1Only() {
        assertEquals(STATUS_SUCCESS, control(ProbeDriver.OWN_USER_HANDLE));
        assertEquals(Set.of(Rule.SV1), checks.broken(), () -> checks.violations().toString());
        Violation violation = checks.violations().getFirst();
        assertEquals(ProbeDriver.class.getName(), violation.frame().getClassName());
        assertEquals(caller.describe(), violation.process());
    }

    @Test
    void aFindingIsClearedOnRequest() {
        control(ProbeDriver.SCAN);
        assertFalse(checks.broken().isEmpty());
        checks.clearViolations();
        assertEquals(List.of(), checks.violations());
        control(ProbeDriver.SCAN);
        assertEquals(Set.of(Rule.SV5), checks.broken());
    }
}
