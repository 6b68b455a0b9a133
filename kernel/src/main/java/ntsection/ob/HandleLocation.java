package ntsection.ob;

/**
 * The table entry a handle value names: a kernel handle's is in the kernel table (the
 * System process's) with KERNEL_HANDLE_FLAG stripped, any other handle's in the given
 * process's table, the value as is. Whether a value is a kernel handle is the caller's
 * rule: ObReferenceObjectByHandle tests bit 31, the close, duplicate and set-information
 * paths ObpIsKernelHandle.
 */
record HandleLocation(HandleTable table, long index) {

    static HandleLocation of(long handle, boolean kernelHandle, HandleTable kernelTable, HandleTable processTable) {
        return kernelHandle ? new HandleLocation(kernelTable, Handles.fromKernelHandle(handle)) : new HandleLocation(processTable, handle);
    }

    /** The entry, or null when the slot is free or out of range. */
    HandleEntry entry() {
        return table.lookup(index);
    }
}
