package ntsection.io;

/**
 * Who may open a device from user mode: the two security descriptors drivers give
 * IoCreateDeviceSecure most. Kernel-mode opens are not checked, as SeAccessCheck skips
 * them.
 */
public enum DeviceSecurity {
    /** SDDL_DEVOBJ_SYS_ALL_ADM_RWX_WORLD_RWX_RES_RWX: every user, the default of a named device. */
    ANYONE,
    /** SDDL_DEVOBJ_SYS_ALL_ADM_ALL: SYSTEM and administrators (trusted tokens) only. */
    TRUSTED_ONLY
}
