package ntsection.ob;

import static ntsection.ob.Access.*;

/** GENERIC_MAPPING: how a type turns GENERIC_* bits into its specific rights. */
public record GenericMapping(int read, int write, int execute, int all) {

    /** RtlMapGenericMask; MAXIMUM_ALLOWED is granted as GENERIC_ALL, as a new handle gets it. */
    public int map(int access) {
        int mapped = access & ~(GENERIC_READ | GENERIC_WRITE | GENERIC_EXECUTE | GENERIC_ALL | MAXIMUM_ALLOWED);
        if ((access & GENERIC_READ) != 0) mapped |= read;
        if ((access & GENERIC_WRITE) != 0) mapped |= write;
        if ((access & GENERIC_EXECUTE) != 0) mapped |= execute;
        if ((access & (GENERIC_ALL | MAXIMUM_ALLOWED)) != 0) mapped |= all;
        return mapped;
    }
}
