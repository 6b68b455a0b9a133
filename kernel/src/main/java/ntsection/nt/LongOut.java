package ntsection.nt;

/**
 * A 64-bit output parameter: what a PHANDLE, PVOID*, PSIZE_T or PLARGE_INTEGER is to
 * the C code the model mirrors. Services write it only on success.
 */
public final class LongOut {
    public long value;

    public LongOut() {
    }

    public LongOut(long value) {
        this.value = value;
    }
}
