package ntsection.ke;

import ntsection.ps.Process;

/**
 * KAPC_STATE as KeStackAttachProcess uses it: what to restore on the matching detach.
 * Nested attaches keep their saved states in the callers' ApcState variables, so
 * detaches must come in reverse order.
 */
public final class ApcState {
    enum Kind { UNUSED, ALREADY_THERE, SAVED_IN_THREAD, SAVED_HERE }

    Kind kind = Kind.UNUSED;
    Process previous;
}
