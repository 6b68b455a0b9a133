package ntsection.io;

/** LOCK_OPERATION: what MmProbeAndLockPages checks the pages for. */
public enum LockOperation {
    IoReadAccess,
    IoWriteAccess,
    IoModifyAccess;

    boolean writes() {
        return this != IoReadAccess;
    }
}
