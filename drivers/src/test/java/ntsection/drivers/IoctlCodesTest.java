package ntsection.drivers;

import org.junit.jupiter.api.Test;

import static ntsection.drivers.broker.BrokerIoctl.IOCTL_BROKER_OPEN_PHYSICAL_MEMORY;
import static ntsection.drivers.keystore.KernelOnlyIoctl.*;
import static ntsection.drivers.ring.SharedViewIoctl.*;
import static ntsection.drivers.telemetry.SharedSectionIoctl.*;
import static ntsection.io.CtlCode.*;
import static ntsection.io.DeviceFlags.FILE_DEVICE_UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The control codes are written out as constants; each must be the CTL_CODE it claims. */
class IoctlCodesTest {
    private static int buffered(int function) {
        return CTL_CODE(FILE_DEVICE_UNKNOWN, function, METHOD_BUFFERED, FILE_ANY_ACCESS);
    }

    @Test
    void keyStoreCodes() {
        assertEquals(buffered(0x900), IOCTL_KEYSTORE_SIGN);
        assertEquals(buffered(0x901), IOCTL_KEYSTORE_VERIFY);
    }

    @Test
    void ringCodes() {
        assertEquals(buffered(0x910), IOCTL_RING_CONNECT);
        assertEquals(buffered(0x911), IOCTL_RING_SUBMIT);
    }

    @Test
    void telemetryCodes() {
        assertEquals(buffered(0x920), IOCTL_TELEMETRY_OPEN_SECTION);
        assertEquals(buffered(0x921), IOCTL_TELEMETRY_RECORD_EVENT);
    }

    @Test
    void brokerCode() {
        assertEquals(buffered(0x930), IOCTL_BROKER_OPEN_PHYSICAL_MEMORY);
    }
}
