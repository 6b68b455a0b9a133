package ntsection.script;

import ntsection.nt.NtStatus;

import java.util.List;

/**
 * {@code exit NAME}: the process terminates, its handles closed. The rundown runs in the
 * process's own thread in kernel mode, where NT runs it when the last thread exits.
 */
record ProcessExit(int line, String text, String name) implements Instruction {

    public Expectation expectation() {
        return new Expectation.Success();
    }

    public List<OutputField> outputs() {
        return List.of();
    }

    public Outcome execute(Session session) {
        ContextName own = new ContextName(ContextName.Kind.DISPATCH, name, false);
        session.run(own, () -> {
            session.system().terminateProcess(session.process(name), NtStatus.STATUS_SUCCESS);
            return null;
        });
        return new Outcome.Returned(NtStatus.STATUS_SUCCESS, List.of(), List.of());
    }
}
