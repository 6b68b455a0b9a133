package ntsection.script;

import ntsection.nt.NtStatus;

import java.util.Arrays;
import java.util.List;

/**
 * What a call returned: its status and its outputs in the order the call declares
 * them. Outputs are read whatever the status, as C code would read its output
 * variables; services write them only on success, so after a failure they hold zero.
 */
public record Reply(NtStatus status, List<Object> values) {

    public static Reply of(NtStatus status, Object... values) {
        return new Reply(status, Arrays.asList(values));
    }

    /** A 32-bit output (an ACCESS_MASK, a ULONG) as the unsigned value scripts compare with. */
    public static Long unsigned(int value) {
        return Integer.toUnsignedLong(value);
    }
}
