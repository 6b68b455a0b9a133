package ntsection.script;

import ntsection.nt.NtStatus;

import java.util.List;

/** What a step's {@code -> OUTCOME} says should happen. */
sealed interface Expectation {
    /** No {@code ->}: any status NT_SUCCESS accepts. */
    record Success() implements Expectation {
    }

    /** A status and the outputs that must equal the given values. */
    record Status(NtStatus status, List<Field> fields) implements Expectation {
    }

    /** {@code bugcheck [CODE]}: the step must stop the system, with that code when one is given. */
    record BugCheck(Long code) implements Expectation {
    }

    record Field(String name, Expr value) {
    }
}
