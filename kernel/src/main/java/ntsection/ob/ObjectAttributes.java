package ntsection.ob;

/**
 * OBJECT_ATTRIBUTES: an optional name (a counted string: null means no name), an
 * optional root directory handle (0 for none) and the OBJ_* flags.
 */
public record ObjectAttributes(String name, long rootDirectory, int attributes) {

    public static ObjectAttributes named(String name, int attributes) {
        return new ObjectAttributes(name, 0, attributes);
    }

    public static ObjectAttributes unnamed(int attributes) {
        return new ObjectAttributes(null, 0, attributes);
    }

    public boolean has(int flag) {
        return (attributes & flag) != 0;
    }

    /** An ObjectName of length 0 names nothing, as NT treats it. */
    public boolean hasName() {
        return name != null && !name.isEmpty();
    }
}
