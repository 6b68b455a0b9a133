package ntsection.junit;

import ntsection.drivers.ring.SharedViewDriver;

/** A driver ntsection has never seen that follows the protocol: the reference ring under a name of its own. */
public class RenamedRing extends SharedViewDriver {
    public static final String SERVICE_NAME = "renamed-ring";
}
