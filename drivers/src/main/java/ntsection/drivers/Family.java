package ntsection.drivers;

import ntsection.drivers.broker.PhysicalMemoryBroker;
import ntsection.drivers.broker.PhysicalPageReader;
import ntsection.drivers.keystore.KernelOnlyDriver;
import ntsection.drivers.keystore.KeyStoreClient;
import ntsection.drivers.ring.RingClient;
import ntsection.drivers.ring.SharedViewDriver;
import ntsection.drivers.telemetry.SharedSectionDriver;
import ntsection.drivers.telemetry.TelemetryClient;
import ntsection.user.UserProgram;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static ntsection.drivers.broker.BrokerIoctl.IOCTL_BROKER_OPEN_PHYSICAL_MEMORY;
import static ntsection.drivers.keystore.KernelOnlyIoctl.IOCTL_KEYSTORE_SIGN;
import static ntsection.drivers.keystore.KernelOnlyIoctl.IOCTL_KEYSTORE_VERIFY;
import static ntsection.drivers.ring.SharedViewIoctl.IOCTL_RING_CONNECT;
import static ntsection.drivers.ring.SharedViewIoctl.IOCTL_RING_SUBMIT;
import static ntsection.drivers.telemetry.SharedSectionIoctl.IOCTL_TELEMETRY_OPEN_SECTION;
import static ntsection.drivers.telemetry.SharedSectionIoctl.IOCTL_TELEMETRY_RECORD_EVENT;

/**
 * The four driver interfaces of this module, one per protocol: a reference driver and
 * its twins share one, so a client, and an attack aimed at it, work against each of
 * them alike.
 */
public enum Family {
    KEY_STORE("1 kernel-only", KernelOnlyDriver.DEVICE_NAME, List.of(IOCTL_KEYSTORE_SIGN, IOCTL_KEYSTORE_VERIFY)),
    RING("2 shared-view", SharedViewDriver.DEVICE_NAME, List.of(IOCTL_RING_CONNECT, IOCTL_RING_SUBMIT)),
    TELEMETRY("3 shared-section", SharedSectionDriver.DEVICE_NAME,
            List.of(IOCTL_TELEMETRY_OPEN_SECTION, IOCTL_TELEMETRY_RECORD_EVENT)),
    BROKER("physical-memory broker", PhysicalMemoryBroker.DEVICE_NAME, List.of(IOCTL_BROKER_OPEN_PHYSICAL_MEMORY));

    private final String protocol;
    private final String device;
    private final List<Integer> controlCodes;

    Family(String protocol, String device, List<Integer> controlCodes) {
        this.protocol = protocol;
        this.device = device;
        this.controlCodes = controlCodes;
    }

    /** The protocol of the page the reference driver follows, e.g. "2 shared-view". */
    public String protocol() {
        return protocol;
    }

    public String device() {
        return device;
    }

    /** Every control code the device answers. */
    public List<Integer> controlCodes() {
        return controlCodes;
    }

    /** What an honest client does with the device, start to end, as a thread's program. */
    public UserProgram session() {
        return switch (this) {
            case KEY_STORE -> KeyStoreClient.session(new KeyStoreClient.Outcome());
            case RING -> RingClient.session(List.of("hello, ring".getBytes(StandardCharsets.UTF_8)), new int[1]);
            case TELEMETRY -> TelemetryClient.session(2, new long[1]);
            case BROKER -> user -> {
                // Asks, and gives back what it got: reading physical memory is an attack of its own.
                PhysicalPageReader reader = new PhysicalPageReader(user);
                if (!reader.open().isSuccess()) return;
                if (reader.requestHandle().isSuccess()) user.nt().ntClose(reader.physicalMemoryHandle());
                reader.close();
            };
        };
    }
}
