package ntsection.ke;

/** KPROCESSOR_MODE: where a request came from, and so how far it is trusted. */
public enum ProcessorMode {
    KernelMode,
    UserMode
}
