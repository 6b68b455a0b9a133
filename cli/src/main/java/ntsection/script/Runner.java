package ntsection.script;

import ntsection.Executive;
import ntsection.ke.BugCheckError;
import ntsection.ob.InvariantChecker;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a checked script against an executive, printing each step with its actual
 * outcome and each mismatch with both outcomes. After a bug-check nothing more can
 * run: later steps are reported as not run and fail. The object manager's invariants
 * are checked at the end, whatever happened, and each broken one is a failure.
 */
public final class Runner {
    private static final String INDENT = "            ";

    private final PrintWriter out;

    public Runner(PrintWriter out) {
        this.out = out;
    }

    public ScriptResult run(Program program, Executive system) {
        Session session = new Session(system);
        int passed = 0;
        int failed = 0;
        Integer bugCheckLine = null;
        for (Instruction instruction : program.instructions()) {
            Outcome actual;
            String mismatch;
            if (bugCheckLine != null) {
                actual = new Outcome.NotRun("the system bug-checked at line " + bugCheckLine);
                mismatch = null;
            } else {
                List<Object> expected = expectedValues(instruction, session);
                actual = execute(instruction, session);
                mismatch = Verdict.mismatch(instruction.expectation(), expected, instruction.outputs(), actual);
                if (actual instanceof Outcome.BugChecked) bugCheckLine = instruction.line();
            }
            boolean ok = mismatch == null && !(actual instanceof Outcome.NotRun);
            if (ok) passed++; else failed++;
            out.printf("%-4s %4d  %s -> %s%n", ok ? "ok" : "FAIL", instruction.line(), instruction.text(), actual.shown());
            for (String note : session.takeNotes()) out.println(INDENT + note);
            if (mismatch != null) out.println(INDENT + "line " + instruction.line() + ": " + mismatch);
        }
        for (String problem : InvariantChecker.check(system.ob())) {
            failed++;
            out.println("FAIL        invariant broken: " + problem);
        }
        return new ScriptResult(passed, failed);
    }

    private static Outcome execute(Instruction instruction, Session session) {
        try {
            return instruction.execute(session);
        } catch (BugCheckError stop) {
            return new Outcome.BugChecked(stop.bugCheck());
        } catch (ArgumentError error) {
            return new Outcome.NotRun(error.getMessage());
        }
    }

    /**
     * The expected outputs' values, read before the step runs: an expectation names
     * what earlier steps bound, even when this step binds the same name anew.
     */
    private static List<Object> expectedValues(Instruction instruction, Session session) {
        List<Object> values = new ArrayList<>();
        if (instruction.expectation() instanceof Expectation.Status status) {
            Resolver resolver = new Resolver(session);
            for (Expectation.Field field : status.fields()) values.add(resolver.evaluate(field.value()));
        }
        return values;
    }
}
