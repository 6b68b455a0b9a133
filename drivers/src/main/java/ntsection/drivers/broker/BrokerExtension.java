package ntsection.drivers.broker;

import ntsection.mm.Section;

/** The broker's device extension: its pointer reference to the physical memory section. */
public final class BrokerExtension {
    public Section physicalMemory;
    /** How many requests were refused because the caller was not trusted. */
    public int refused;
}
