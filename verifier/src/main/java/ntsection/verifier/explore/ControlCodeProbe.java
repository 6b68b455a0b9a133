package ntsection.verifier.explore;

import ntsection.Executive;
import ntsection.ExecutiveConfig;
import ntsection.drivers.attacks.RawDevice;
import ntsection.io.CtlCode;
import ntsection.io.DeviceObject;
import ntsection.io.DriverObject;
import ntsection.ke.BugCheckError;
import ntsection.nt.NtStatus;
import ntsection.ps.Process;
import ntsection.user.UserContext;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static ntsection.io.DeviceFlags.FILE_DEVICE_UNKNOWN;

/**
 * Finds what a driver ntsection has never seen answers: loads it on a throwaway system,
 * takes the first named device it created, and sends it every control code of its
 * device type and of FILE_DEVICE_UNKNOWN (every function, method and access: 2 x 65,536
 * codes) with small zeroed buffers. A code is known unless the driver answers it as
 * NT's default dispatch does (STATUS_INVALID_DEVICE_REQUEST) or says it is not
 * supported. A code whose probe stops the system is known too; the probe goes on from
 * the next code on a fresh system.
 */
final class ControlCodeProbe {
    private static final int FUNCTIONS = 4096;
    private static final int PROBE_LENGTH = 64;
    private static final int OUTPUT_OFFSET = 4096;

    private ControlCodeProbe() {
    }

    /** What the probe found: the device's name and every control code it answers, ascending. */
    record Found(String device, List<Integer> codes) {
    }

    static Found probe(Subject subject) {
        Set<Integer> known = new LinkedHashSet<>();
        List<Integer> types = null;
        String device = null;
        int next = 0;
        while (true) {
            Executive system = boot(subject);
            try {
                DeviceObject deviceObject = firstNamedDevice(system, subject);
                device = deviceObject.path();
                types = deviceObject.DeviceType == FILE_DEVICE_UNKNOWN ? List.of(FILE_DEVICE_UNKNOWN)
                        : List.of(deviceObject.DeviceType, FILE_DEVICE_UNKNOWN);
                next = probeFrom(system, device, types, next, known);
                if (next == codeCount(types)) break;
                known.add(code(types, next));
                next++;
            } finally {
                system.mm().physicalMemory().close();
            }
        }
        return new Found(device, known.stream().sorted(Integer::compareUnsigned).toList());
    }

    private static Executive boot(Subject subject) {
        Executive system = Executive.boot(ExecutiveConfig.defaults().withPhysicalPages(256));
        subject.register(system.io().registry());
        NtStatus loaded = system.loadDriver(subject.serviceName());
        if (!loaded.isSuccess()) {
            system.mm().physicalMemory().close();
            throw new IllegalArgumentException("driver " + subject.serviceName() + " did not load: " + loaded.describe());
        }
        return system;
    }

    private static DeviceObject firstNamedDevice(Executive system, Subject subject) {
        DriverObject driver = system.io().driver(subject.serviceName());
        for (DeviceObject device : driver.devices()) if (device.name() != null) return device;
        throw new IllegalArgumentException("driver " + subject.serviceName()
                + " created no named device: user mode cannot open it, so there is nothing to attack");
    }

    private static int codeCount(List<Integer> types) {
        return types.size() * FUNCTIONS * 16;
    }

    private static int code(List<Integer> types, int index) {
        int type = types.get(index / (FUNCTIONS * 16));
        int rest = index % (FUNCTIONS * 16);
        return CtlCode.CTL_CODE(type, rest >> 4, rest & 3, (rest >> 2) & 3);
    }

    /**
     * Probes codes from {@code from}; returns the index it stopped at: the count when every
     * code was sent, else the code whose request stopped the system (a bug-check, or driver
     * code throwing what NT would have bug-checked on).
     */
    private static int probeFrom(Executive system, String device, List<Integer> types, int from, Set<Integer> known) {
        Process prober = system.createProcess("probe.exe", false);
        int[] at = {from};
        NtStatus[] opened = new NtStatus[1];
        try {
            system.userCode(prober, () -> {
                UserContext user = new UserContext(system.nt(), system.mm().access(), prober.mainThread());
                RawDevice file = new RawDevice(user);
                opened[0] = file.open(device);
                if (!opened[0].isSuccess()) return;
                long input = file.buffer();
                byte[] zeros = new byte[PROBE_LENGTH];
                for (int count = codeCount(types); at[0] < count; at[0]++) {
                    user.write(input, zeros);
                    NtStatus status = file.sendRaw(code(types, at[0]), input, PROBE_LENGTH, input + OUTPUT_OFFSET,
                            PROBE_LENGTH);
                    if (answers(status)) known.add(code(types, at[0]));
                }
                file.close();
            });
        } catch (BugCheckError | RuntimeException stopped) {
            return at[0];
        }
        if (opened[0] != null && !opened[0].isSuccess()) {
            throw new IllegalArgumentException("user mode cannot open " + device + ": " + opened[0].describe());
        }
        return at[0];
    }

    private static boolean answers(NtStatus status) {
        return status != NtStatus.STATUS_INVALID_DEVICE_REQUEST && status != NtStatus.STATUS_NOT_SUPPORTED
                && status != NtStatus.STATUS_NOT_IMPLEMENTED;
    }
}
