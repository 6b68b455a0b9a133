package ntsection.drivers;

import ntsection.drivers.broker.PhysicalMemoryBroker;
import ntsection.drivers.keystore.KernelOnlyDriver;
import ntsection.drivers.ring.SharedViewDriver;
import ntsection.drivers.telemetry.SharedSectionDriver;
import ntsection.drivers.twins.KeyStoreSv1KernelHandleTwin;
import ntsection.drivers.twins.KeyStoreSv2SystemThreadMapTwin;
import ntsection.drivers.twins.RingSv4RequestorContextTwin;
import ntsection.drivers.twins.RingSv5GuardedAccessTwin;
import ntsection.drivers.twins.Sv10PhysicalMemoryTwin;
import ntsection.drivers.twins.Sv6ValidateTwin;
import ntsection.drivers.twins.Sv7NoUserHandleTwin;
import ntsection.drivers.twins.Sv8ReferenceBeforeShareTwin;
import ntsection.drivers.twins.Sv9DereferenceTwin;
import ntsection.drivers.twins.TelemetrySv3DriverCreatesTwin;
import ntsection.vf.Rule;

import java.util.List;
import java.util.Optional;

/**
 * Every driver this module ships, with what it is: a reference driver and the protocol
 * it follows, or a twin and the one rule it breaks. The demo's rows, in this order.
 */
public final class Catalogue {
    private Catalogue() {
    }

    /** A shipped driver: its service name, its interface, and the rule it breaks (null for a reference driver). */
    public record Entry(String serviceName, Family family, Rule rule) {
        public boolean isReference() {
            return rule == null;
        }

        public String kind() {
            return isReference() ? "reference" : "twin";
        }

        /** The protocol for a reference driver ("2 shared-view"), the rule for a twin ("SV5 guarded-access"). */
        public String what() {
            if (!isReference()) return rule + " " + rule.shortName();
            return family == Family.BROKER ? family.protocol() : "protocol " + family.protocol();
        }
    }

    public static final List<Entry> ENTRIES = List.of(
            new Entry(KernelOnlyDriver.SERVICE_NAME, Family.KEY_STORE, null),
            new Entry(SharedViewDriver.SERVICE_NAME, Family.RING, null),
            new Entry(SharedSectionDriver.SERVICE_NAME, Family.TELEMETRY, null),
            new Entry(PhysicalMemoryBroker.SERVICE_NAME, Family.BROKER, null),
            new Entry(KeyStoreSv1KernelHandleTwin.SERVICE_NAME, Family.KEY_STORE, Rule.SV1),
            new Entry(KeyStoreSv2SystemThreadMapTwin.SERVICE_NAME, Family.KEY_STORE, Rule.SV2),
            new Entry(TelemetrySv3DriverCreatesTwin.SERVICE_NAME, Family.TELEMETRY, Rule.SV3),
            new Entry(RingSv4RequestorContextTwin.SERVICE_NAME, Family.RING, Rule.SV4),
            new Entry(RingSv5GuardedAccessTwin.SERVICE_NAME, Family.RING, Rule.SV5),
            new Entry(Sv6ValidateTwin.SERVICE_NAME, Family.RING, Rule.SV6),
            new Entry(Sv7NoUserHandleTwin.SERVICE_NAME, Family.TELEMETRY, Rule.SV7),
            new Entry(Sv8ReferenceBeforeShareTwin.SERVICE_NAME, Family.TELEMETRY, Rule.SV8),
            new Entry(Sv9DereferenceTwin.SERVICE_NAME, Family.TELEMETRY, Rule.SV9),
            new Entry(Sv10PhysicalMemoryTwin.SERVICE_NAME, Family.BROKER, Rule.SV10));

    public static Optional<Entry> find(String serviceName) {
        return ENTRIES.stream().filter(entry -> entry.serviceName().equals(serviceName)).findFirst();
    }
}
