package ntsection.script;

import ntsection.nt.NtStatus;
import ntsection.ps.Process;

import java.util.List;

/**
 * {@code process NAME [trusted] [parent=OTHER]}: a user process with one thread, which
 * inherits OTHER's OBJ_INHERIT handles at the same values; its pid is the step's output.
 */
record ProcessCreation(int line, String text, String name, boolean trusted, String parent) implements Instruction {
    private static final List<OutputField> OUTPUTS = List.of(new OutputField("pid", OutputFormat.DECIMAL));

    public Expectation expectation() {
        return new Expectation.Success();
    }

    public List<OutputField> outputs() {
        return OUTPUTS;
    }

    public Outcome execute(Session session) {
        Process process = session.system().createProcess(name, trusted, parent == null ? null : session.process(parent));
        session.addProcess(name, process);
        return new Outcome.Returned(NtStatus.STATUS_SUCCESS, OUTPUTS, List.of((long) process.id()));
    }
}
