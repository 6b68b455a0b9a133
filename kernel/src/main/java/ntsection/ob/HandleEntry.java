package ntsection.ob;

/**
 * One HANDLE_TABLE_ENTRY: the object, the access granted when the handle was made
 * (already generic-mapped) and the handle attributes (protect-from-close, inherit,
 * audit). Entries never change; a new entry replaces an old one.
 */
public record HandleEntry(KernelObject object, int grantedAccess, int attributes) {

    public boolean protectFromClose() {
        return (attributes & Attributes.OBJ_PROTECT_CLOSE) != 0;
    }

    public boolean inherit() {
        return (attributes & Attributes.OBJ_INHERIT) != 0;
    }
}
