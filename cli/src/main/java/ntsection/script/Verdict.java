package ntsection.script;

import ntsection.ke.BugCheckCodes;
import ntsection.ob.KernelObject;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Compares what a step expected with what happened; a mismatch reads "expected X, actual Y". */
final class Verdict {
    private Verdict() {
    }

    /**
     * Null when the expectation held, else the mismatch.
     *
     * @param expectedValues the expected fields' values, evaluated before the step ran
     */
    static String mismatch(Expectation expectation, List<Object> expectedValues, List<OutputField> outputs, Outcome actual) {
        boolean held = switch (expectation) {
            case Expectation.Success ignored -> actual instanceof Outcome.Returned returned && returned.status().isSuccess();
            case Expectation.BugCheck bugCheck -> actual instanceof Outcome.BugChecked checked
                    && (bugCheck.code() == null || bugCheck.code() == Integer.toUnsignedLong(checked.bugCheck().code()));
            case Expectation.Status status -> actual instanceof Outcome.Returned returned && returned.status() == status.status()
                    && fieldsHold(status, expectedValues, returned);
        };
        if (held) return null;
        return "expected " + expected(expectation, expectedValues, outputs) + ", actual " + actual(expectation, actual);
    }

    private static boolean fieldsHold(Expectation.Status status, List<Object> expectedValues, Outcome.Returned returned) {
        for (int i = 0; i < status.fields().size(); i++) {
            if (!same(expectedValues.get(i), returned.value(status.fields().get(i).name()))) return false;
        }
        return true;
    }

    private static boolean same(Object expected, Object actual) {
        if (expected == null) return actual == null || Long.valueOf(0).equals(actual);
        if (expected instanceof Long address && actual instanceof KernelObject object) return address == object.address();
        if (expected instanceof byte[] bytes && actual instanceof byte[] actualBytes) return Arrays.equals(bytes, actualBytes);
        return Objects.equals(expected, actual);
    }

    private static String expected(Expectation expectation, List<Object> expectedValues, List<OutputField> outputs) {
        return switch (expectation) {
            case Expectation.Success ignored -> "a success status";
            case Expectation.BugCheck bugCheck -> bugCheck.code() == null ? "a bugcheck"
                    : String.format("bugcheck 0x%08X %s", bugCheck.code(), BugCheckCodes.name(bugCheck.code().intValue()));
            case Expectation.Status status -> {
                StringBuilder text = new StringBuilder(status.status().name());
                for (int i = 0; i < status.fields().size(); i++) {
                    String name = status.fields().get(i).name();
                    text.append(' ').append(name).append('=').append(format(outputs, name).render(expectedValues.get(i)));
                }
                yield text.toString();
            }
        };
    }

    /** The actual outcome, limited to the outputs the expectation names so the difference stands out. */
    private static String actual(Expectation expectation, Outcome actual) {
        if (!(expectation instanceof Expectation.Status status) || !(actual instanceof Outcome.Returned returned)
                || status.fields().isEmpty()) {
            return actual.shown();
        }
        StringBuilder text = new StringBuilder(returned.status().name());
        for (Expectation.Field field : status.fields()) {
            text.append(' ').append(field.name()).append('=')
                    .append(format(returned.fields(), field.name()).render(returned.value(field.name())));
        }
        return text.toString();
    }

    private static OutputFormat format(List<OutputField> outputs, String name) {
        for (OutputField output : outputs) if (output.name().equals(name)) return output.format();
        return OutputFormat.HEX;
    }
}
