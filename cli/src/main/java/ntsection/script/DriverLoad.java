package ntsection.script;

import java.util.List;

/**
 * {@code driver NAME}: loads a driver of this build by its service name. DriverEntry
 * runs on the system worker thread; the step's status is what the load returned.
 */
record DriverLoad(int line, String text, String name) implements Instruction {

    public Expectation expectation() {
        return new Expectation.Success();
    }

    public List<OutputField> outputs() {
        return List.of();
    }

    public Outcome execute(Session session) {
        return new Outcome.Returned(session.system().loadDriver(name), List.of(), List.of());
    }
}
