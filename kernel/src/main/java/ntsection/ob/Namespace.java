package ntsection.ob;

import ntsection.nt.NtStatus;

import static ntsection.nt.NtStatus.*;

/**
 * The object namespace and NT's rules for walking it (ObpLookupObjectName): a path
 * without a root must start with a backslash, a path under a root must not; an empty
 * component is an invalid name; a missing directory on the way is a missing path, a
 * missing last component a missing name; walking through an object that is not a
 * directory is a type mismatch. One case rule holds for the whole walk: insensitive
 * when OBJ_CASE_INSENSITIVE is given or the type looked for is case-insensitive.
 */
final class Namespace {
    private final Directory root;

    Namespace(Directory root) {
        this.root = root;
    }

    Directory root() {
        return root;
    }

    /**
     * Walks {@code path} from {@code start} (null: the root, and the path must be
     * absolute). A missing last component is not an error here: the result has a
     * null object and the parent it would go in.
     */
    Lookup walk(Directory start, String path, boolean caseInsensitive) {
        String rest;
        if (start == null) {
            if (path == null || path.isEmpty() || path.charAt(0) != '\\') return Lookup.failed(STATUS_OBJECT_PATH_SYNTAX_BAD);
            if (path.length() == 1) return new Lookup(STATUS_SUCCESS, root, null, "");
            rest = path.substring(1);
            start = root;
        } else {
            if (path == null || path.isEmpty()) return new Lookup(STATUS_SUCCESS, start, null, "");
            if (path.charAt(0) == '\\') return Lookup.failed(STATUS_OBJECT_PATH_SYNTAX_BAD);
            rest = path;
        }
        KernelObject current = start;
        while (true) {
            if (!(current instanceof Directory directory)) return Lookup.failed(STATUS_OBJECT_TYPE_MISMATCH);
            int separator = rest.indexOf('\\');
            String component = separator < 0 ? rest : rest.substring(0, separator);
            if (component.isEmpty()) return Lookup.failed(STATUS_OBJECT_NAME_INVALID);
            KernelObject next = directory.find(component, caseInsensitive);
            if (separator < 0) return new Lookup(STATUS_SUCCESS, next, directory, component);
            if (next == null) return Lookup.failed(STATUS_OBJECT_PATH_NOT_FOUND);
            current = next;
            rest = rest.substring(separator + 1);
        }
    }

    /** Walks to an existing object: the open path. */
    Lookup find(Directory start, String path, boolean caseInsensitive) {
        Lookup lookup = walk(start, path, caseInsensitive);
        if (lookup.status() == STATUS_SUCCESS && lookup.object() == null) return Lookup.failed(STATUS_OBJECT_NAME_NOT_FOUND);
        return lookup;
    }

    /**
     * Puts a named object into its directory. The directory entry holds a pointer
     * reference on the object, and the name holds one on the directory, so that an
     * unnamed directory outlives its last handle while named objects live in it.
     */
    static void insert(Directory parent, String component, KernelObject object) {
        object.name = component;
        object.directory = parent;
        parent.add(object);
        object.incrementPointerCount();
        parent.incrementPointerCount();
    }

    /** Takes the name out of its directory and returns the directory. The caller drops both references. */
    static Directory unlink(KernelObject object) {
        Directory parent = object.directory;
        parent.remove(object);
        object.directory = null;
        return parent;
    }

    static NtStatus checkNameLength(String name) {
        // UNICODE_STRING lengths are 16-bit byte counts: 65532 bytes fit, 65534 do not.
        return name != null && name.length() * 2 >= 65534 ? STATUS_OBJECT_NAME_INVALID : STATUS_SUCCESS;
    }
}
