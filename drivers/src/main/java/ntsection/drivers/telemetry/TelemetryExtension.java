package ntsection.drivers.telemetry;

import ntsection.mm.Section;

/**
 * The telemetry device's extension: the driver's own pointer reference to the
 * section (no handle: handles are what user mode can close) and the section's view in
 * system space, where the driver writes its counters.
 */
public final class TelemetryExtension {
    public Section section;
    public long systemView;
}
