package ntsection.script.calls;

import ntsection.nt.NtStatus;
import ntsection.script.Call;
import ntsection.script.CallTable;
import ntsection.script.Reply;

import static ntsection.script.ArgumentKind.NUMBER;

/**
 * ProbeForRead and ProbeForWrite. They return nothing and raise on a bad buffer, so a
 * step sees STATUS_SUCCESS or, in a guarded context, the raised status; unguarded, the
 * raise bug-checks as any escaping exception does.
 */
public final class ProbeCalls {
    private ProbeCalls() {
    }

    public static void register(CallTable table) {
        table.add(probe("ProbeForRead").invokes((system, a) -> {
            system.mm().probe().probeForRead(a.number("address"), a.number("length"), a.int32("alignment"));
            return Reply.of(NtStatus.STATUS_SUCCESS);
        }));
        table.add(probe("ProbeForWrite").invokes((system, a) -> {
            system.mm().probe().probeForWrite(a.number("address"), a.number("length"), a.int32("alignment"));
            return Reply.of(NtStatus.STATUS_SUCCESS);
        }));
    }

    /** Alignment 1 unless given: a byte buffer, the probe callers make most. */
    private static Call.Builder probe(String name) {
        return Call.kernelRoutine(name)
                .parameter("address", NUMBER)
                .parameter("length", NUMBER)
                .parameter("alignment", NUMBER, "1");
    }
}
