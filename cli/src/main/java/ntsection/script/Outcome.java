package ntsection.script;

import ntsection.ke.BugCheck;
import ntsection.nt.NtStatus;

import java.util.List;

/** What actually happened at a step. */
sealed interface Outcome {
    /** "STATUS_SUCCESS handle=0x4", "bugcheck 0x00000093 INVALID_KERNEL_HANDLE (...)", "not run: ...". */
    String shown();

    /** The call returned: its status and its outputs (printed only on success, when NT writes them). */
    record Returned(NtStatus status, List<OutputField> fields, List<Object> values) implements Outcome {
        Object value(String name) {
            for (int i = 0; i < fields.size(); i++) if (fields.get(i).name().equals(name)) return values.get(i);
            return null;
        }

        public String shown() {
            StringBuilder text = new StringBuilder(status.name());
            if (status.isSuccess()) {
                for (int i = 0; i < fields.size(); i++) {
                    text.append(' ').append(fields.get(i).name()).append('=').append(fields.get(i).format().render(values.get(i)));
                }
            }
            return text.toString();
        }
    }

    record BugChecked(BugCheck bugCheck) implements Outcome {
        public String shown() {
            return "bugcheck " + bugCheck.describe();
        }
    }

    record NotRun(String reason) implements Outcome {
        public String shown() {
            return "not run: " + reason;
        }
    }
}
