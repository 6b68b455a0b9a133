package ntsection.drivers;

import ntsection.drivers.keystore.KernelOnlyDriver;
import ntsection.drivers.keystore.KeyStoreClient;
import ntsection.drivers.keystore.KeyStoreExtension;
import ntsection.ob.KernelObject;
import ntsection.ob.ObjectBasicInformation;
import ntsection.nt.Out;
import ntsection.ps.Process;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static ntsection.ke.ProcessorMode.KernelMode;
import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.*;

/** Protocol 1: the key store's section and view stay out of every user process's reach. */
class KernelOnlyDriverTest {
    private final DriverSystem keystore = new DriverSystem(KernelOnlyDriver.SERVICE_NAME);
    private final Process client = keystore.system.createProcess("client.exe", false);

    /** ObReferenceObjectByHandle on the system worker: the only place a kernel handle is worth anything. */
    private KernelObject referenceSection(long handle) {
        Out<KernelObject> section = new Out<>();
        assertEquals(STATUS_SUCCESS, keystore.system.inSystemThread(() -> keystore.system.ob().obReferenceObjectByHandle(
                handle, 0, keystore.system.ob().types().section(), KernelMode, section, null)));
        return section.value;
    }

    @Test
    void clientGetsTagsItCanVerifyAndCannotForge() {
        KeyStoreClient.Outcome outcome = new KeyStoreClient.Outcome();
        keystore.asUser(client, user -> {
            KeyStoreClient.session(outcome).run(user);
            return null;
        });
        assertNotNull(outcome.tag);
        assertTrue(outcome.accepted);
        assertFalse(outcome.forgeryAccepted);
    }

    @Test
    void kernelOnlySectionHandleIsAKernelHandle() {
        long handle = keystore.extension(KeyStoreExtension.class).sectionHandle;
        assertTrue(handle < 0, "a kernel handle carries the kernel bit: 0x" + Long.toHexString(handle));
        assertEquals(0, client.handleTable().count(), "no handle of the store in the client");
        Out<ObjectBasicInformation> information = new Out<>();
        assertNotEquals(STATUS_SUCCESS, keystore.asUser(client, user -> user.nt().ntQueryObject(handle, information)));
        assertNotEquals(STATUS_SUCCESS, keystore.asUser(client, user -> user.nt().ntClose(handle)));
        KernelObject section = referenceSection(handle);
        assertEquals(1, section.handleCount(), "the kernel handle is the section's only handle");
        keystore.system.ob().obDereferenceObject(section);
    }

    @Test
    void kernelOnlyViewIsMappedInTheSystemProcess() {
        byte[] message = "hello".getBytes(StandardCharsets.UTF_8);
        byte[] tag = keystore.asUser(client, user -> {
            KeyStoreClient keyStore = new KeyStoreClient(user);
            assertEquals(STATUS_SUCCESS, keyStore.open());
            return keyStore.sign(message);
        });
        assertNotNull(tag);
        assertEquals(0, client.addressSpace().viewCount(), "no view in the client");
        assertEquals(1, keystore.system.systemProcess().addressSpace().viewCount());
    }

    @Test
    void unloadUnmapsTheViewAndDeletesTheSection() {
        KernelObject section = referenceSection(keystore.extension(KeyStoreExtension.class).sectionHandle);
        assertEquals(STATUS_SUCCESS, keystore.system.unloadDriver(KernelOnlyDriver.SERVICE_NAME));
        assertEquals(0, keystore.system.systemProcess().addressSpace().viewCount());
        assertEquals(1, section.pointerCount(), "only the test's own reference is left");
        keystore.system.ob().obDereferenceObject(section);
        assertTrue(section.isDeleted());
    }
}
