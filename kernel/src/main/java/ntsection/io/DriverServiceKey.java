package ntsection.io;

import ntsection.ke.CurrentThread;
import ntsection.ke.ProcessorMode;
import ntsection.nt.NtStatus;

import java.util.function.Function;

import static ntsection.nt.NtStatus.*;

/**
 * What NtLoadDriver and NtUnloadDriver check before the I/O manager acts: a user-mode
 * caller needs SeLoadDriverPrivilege, which the model gives trusted tokens (the
 * administrators' privilege); the key must be a service key, and its last component
 * is the service name. A key outside the Services key names no driver.
 */
final class DriverServiceKey {
    static final String SERVICES = "\\Registry\\Machine\\System\\CurrentControlSet\\Services\\";

    private DriverServiceKey() {
    }

    static NtStatus check(String serviceKey, ProcessorMode mode, Function<String, NtStatus> action) {
        if (mode == ProcessorMode.UserMode && !CurrentThread.get().currentProcess().token().trusted()) {
            return STATUS_PRIVILEGE_NOT_HELD;
        }
        if (serviceKey == null) return STATUS_INVALID_PARAMETER;
        boolean underServices = serviceKey.regionMatches(true, 0, SERVICES, 0, SERVICES.length());
        String name = underServices ? serviceKey.substring(SERVICES.length()) : "";
        if (name.isEmpty() || name.contains("\\")) return STATUS_OBJECT_NAME_NOT_FOUND;
        return action.apply(name);
    }
}
