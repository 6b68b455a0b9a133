package ntsection.drivers;

import org.junit.jupiter.api.Test;

import static ntsection.drivers.keystore.KernelOnlyIoctl.*;
import static ntsection.io.CtlCode.*;
import static ntsection.io.DeviceFlags.FILE_DEVICE_UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The control codes are written out as constants; each must be the CTL_CODE it claims. */
class IoctlCodesTest {
    @Test
    void keyStoreCodes() {
        assertEquals(CTL_CODE(FILE_DEVICE_UNKNOWN, 0x900, METHOD_BUFFERED, FILE_ANY_ACCESS), IOCTL_KEYSTORE_SIGN);
        assertEquals(CTL_CODE(FILE_DEVICE_UNKNOWN, 0x901, METHOD_BUFFERED, FILE_ANY_ACCESS), IOCTL_KEYSTORE_VERIFY);
    }
}
