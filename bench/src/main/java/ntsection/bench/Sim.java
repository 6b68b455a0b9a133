package ntsection.bench;

import ntsection.nt.NtStatus;

/** Small helpers shared by the benchmarks. */
final class Sim {
    private Sim() {
    }

    /** Fails the trial loudly if a call the benchmark relies on did not succeed. */
    static void check(NtStatus status, String what) {
        if (status != NtStatus.STATUS_SUCCESS) {
            throw new IllegalStateException(what + " returned " + status);
        }
    }
}
