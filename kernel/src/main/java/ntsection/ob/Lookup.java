package ntsection.ob;

import ntsection.nt.NtStatus;

/**
 * The outcome of walking a path: the object found (or null when only the last
 * component is missing), the directory that holds or would hold it, and the last
 * component's name.
 */
record Lookup(NtStatus status, KernelObject object, Directory parent, String component) {

    static Lookup failed(NtStatus status) {
        return new Lookup(status, null, null, null);
    }
}
