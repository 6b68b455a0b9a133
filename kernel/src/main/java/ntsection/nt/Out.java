package ntsection.nt;

/** An output parameter for an object pointer or an information structure. */
public final class Out<T> {
    public T value;
}
