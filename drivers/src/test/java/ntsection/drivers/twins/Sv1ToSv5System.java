package ntsection.drivers.twins;

import ntsection.Executive;
import ntsection.ps.Process;
import ntsection.testing.Systems;
import ntsection.user.UserContext;

import java.util.function.Function;

import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A booted system with the SV1–SV5 twins registered by hand (the services file does not
 * list them yet, so the command line's driver list stays as its tests pin it) and one
 * driver, twin or reference, loaded.
 */
final class Sv1ToSv5System {
    final Executive system = Systems.boot();

    Sv1ToSv5System(String serviceName) {
        new TwinsSv1ToSv5().register(system.io().registry());
        assertEquals(STATUS_SUCCESS, system.loadDriver(serviceName));
    }

    /** Runs a program's steps as the process's user-mode code, on the test's own thread. */
    <T> T asUser(Process process, Function<UserContext, T> steps) {
        UserContext user = new UserContext(system.nt(), system.mm().access(), process.mainThread());
        return system.inUserMode(process, () -> steps.apply(user));
    }
}
