package ntsection.drivers;

import ntsection.Executive;
import ntsection.io.DeviceObject;
import ntsection.ps.Process;
import ntsection.testing.Systems;
import ntsection.user.UserContext;

import java.util.function.Function;

import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A booted system (which knows the reference drivers through ServiceLoader) with some of them loaded; the first is the one examined. */
public final class DriverSystem {
    public final Executive system = Systems.boot();
    private final String serviceName;

    public DriverSystem(String serviceName, String... others) {
        this.serviceName = serviceName;
        assertEquals(STATUS_SUCCESS, system.loadDriver(serviceName));
        for (String other : others) assertEquals(STATUS_SUCCESS, system.loadDriver(other));
    }

    public DeviceObject device() {
        return system.io().driver(serviceName).devices().getFirst();
    }

    public <T> T extension(Class<T> type) {
        return device().extension(type);
    }

    /** Runs a client's steps as the process's user-mode code, on the test's own thread. */
    public <T> T asUser(Process process, Function<UserContext, T> steps) {
        UserContext user = new UserContext(system.nt(), system.mm().access(), process.mainThread());
        return system.inUserMode(process, () -> steps.apply(user));
    }
}
