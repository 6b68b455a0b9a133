package ntsection.drivers.keystore;

/**
 * The key store's device extension. Both handles are kernel handles; the secret's view
 * is an address in the System process's user range, valid only in that process's
 * context, which is why every use of it goes through a system worker thread.
 */
public final class KeyStoreExtension {
    public long sectionHandle;
    public long secretView;
    /** A kernel handle to the System process, so unload can unmap from whatever thread it runs on. */
    public long systemProcessHandle;
}
