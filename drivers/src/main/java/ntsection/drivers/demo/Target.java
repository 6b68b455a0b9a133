package ntsection.drivers.demo;

import ntsection.drivers.Catalogue;
import ntsection.drivers.Family;
import ntsection.user.UserProgram;

import java.util.List;
import java.util.function.Supplier;

/**
 * What an attack aims at: a loaded driver's device, the control codes it answers, what
 * an honest client does with it, and its interface when ntsection knows it. A driver
 * ntsection has never seen has no family: its device and codes were found by probing,
 * and its "honest client" is a generated sequence of calls.
 *
 * @param family   the interface, or null for a driver ntsection does not know
 * @param sessions a fresh honest session per call (a session's program keeps state)
 */
public record Target(String serviceName, String device, List<Integer> controlCodes, Family family,
                     Supplier<UserProgram> sessions) {

    public Target {
        controlCodes = List.copyOf(controlCodes);
    }

    /** A shipped driver: its family's device, codes and client. */
    public static Target of(Catalogue.Entry entry) {
        Family family = entry.family();
        return new Target(entry.serviceName(), family.device(), family.controlCodes(), family, family::session);
    }

    /** What an honest client does with the device, start to end, as a thread's program. */
    public UserProgram session() {
        return sessions.get();
    }
}
