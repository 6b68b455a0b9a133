package ntsection.drivers.twins;

import ntsection.Executive;
import ntsection.ps.Process;
import ntsection.testing.Systems;
import ntsection.user.UserContext;

import java.util.function.Function;

import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A booted system that knows the SV6-SV10 twins besides the reference drivers, with one
 * of them loaded. The twins are registered here rather than through ServiceLoader so
 * that the command line's pinned list of drivers stays as it is until its owner adds them.
 */
final class Sv6To10System {
    final Executive system = Systems.boot();
    private final String serviceName;

    Sv6To10System(String serviceName) {
        this.serviceName = serviceName;
        new TwinsSv6ToSv10().register(system.io().registry());
        assertEquals(STATUS_SUCCESS, system.loadDriver(serviceName));
    }

    <T> T extension(Class<T> type) {
        return system.io().driver(serviceName).devices().getFirst().extension(type);
    }

    /** Runs a user program's steps as the process's user-mode code, on the test's own thread. */
    <T> T asUser(Process process, Function<UserContext, T> steps) {
        UserContext user = new UserContext(system.nt(), system.mm().access(), process.mainThread());
        return system.inUserMode(process, () -> steps.apply(user));
    }
}
