package ntsection.vf;

/** Which of a driver's routines the executive is calling, as {@link VerifierHooks#driverCalled} reports it. */
public enum DriverCall {
    DRIVER_ENTRY,
    DISPATCH,
    COMPLETION,
    DRIVER_UNLOAD
}
