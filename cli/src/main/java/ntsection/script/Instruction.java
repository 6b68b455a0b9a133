package ntsection.script;

import java.util.List;

/** A checked step, ready to run against a session. */
sealed interface Instruction permits ProcessCreation, ProcessExit, DriverLoad, CallInvocation {
    int line();

    /** The source line without comment and expectation. */
    String text();

    Expectation expectation();

    /** The outputs the step produces, for reading expected values. */
    List<OutputField> outputs();

    /**
     * Runs the step. A bug-check comes out as {@link ntsection.ke.BugCheckError}; an
     * argument that cannot be made as {@link ArgumentError}.
     */
    Outcome execute(Session session);
}
