package ntsection.drivers.rules;

import ntsection.drivers.attacks.HandleScan;
import ntsection.drivers.keystore.KernelOnlyDriver;
import ntsection.drivers.keystore.KeyStoreClient;
import ntsection.drivers.keystore.KeyStoreExtension;
import ntsection.drivers.twins.KeyStoreSv1KernelHandleTwin;
import ntsection.ob.HandleEntry;
import ntsection.ob.Handles;
import ntsection.ob.KernelObject;
import ntsection.ps.Process;
import ntsection.vf.Rule;
import ntsection.vf.Violation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static ntsection.nt.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.*;

/** SV1 kernel-handle: the key store's section handle, made in the requestor's table and used by the driver. */
class Sv1KernelHandleRuleTest {
    /** The thief has a message signed (the twin makes its secret then), and scans its handle table. */
    private static Watched signAndScan(String serviceName, Process[] thief) {
        Watched store = new Watched(serviceName);
        thief[0] = store.system.createProcess("thief.exe", false);
        store.run(thief[0], user -> {
            KeyStoreClient client = new KeyStoreClient(user);
            assertEquals(STATUS_SUCCESS, client.open());
            assertNotNull(client.sign("hello".getBytes(StandardCharsets.UTF_8)));
            HandleScan.readForeignSection(user, KernelOnlyDriver.SECRET_LENGTH);
            client.close();
        });
        return store;
    }

    @Test
    void sv1FlagsTheTwinsUserTableHandleItUsesItself() {
        Process[] thief = new Process[1];
        Watched twin = signAndScan(KeyStoreSv1KernelHandleTwin.SERVICE_NAME, thief);
        List<Violation> found = twin.assertOnly(Rule.SV1, KeyStoreSv1KernelHandleTwin.class, KernelOnlyDriver.class);
        KeyStoreExtension extension = twin.extension(KeyStoreExtension.class);
        assertFalse(Handles.hasKernelBit(extension.sectionHandle), "the twin's section handle is not a kernel handle");
        HandleEntry entry = thief[0].handleTable().lookup(extension.sectionHandle);
        assertNotNull(entry, "the handle is in the requestor's table");
        KernelObject section = entry.object();
        assertEquals(1, section.handleCount());
        assertEquals(1, section.pointerCount(), "only the handle references it: the driver took no reference");
        Violation violation = found.getFirst();
        assertTrue(violation.object().contains("0x" + Long.toHexString(section.address())), violation::object);
        assertEquals(thief[0].describe(), violation.process());
        assertEquals("createSecret", violation.frame().getMethodName());
        assertTrue(violation.message().contains("OBJ_KERNEL_HANDLE"), violation::message);
        assertEquals(-1, violation.step(), "no controlled run");
    }

    @Test
    void referenceKeyStoreBreaksNoRule() {
        Process[] thief = new Process[1];
        Watched reference = signAndScan(KernelOnlyDriver.SERVICE_NAME, thief);
        reference.assertClean();
        KeyStoreExtension extension = reference.extension(KeyStoreExtension.class);
        assertTrue(Handles.hasKernelBit(extension.sectionHandle));
        assertEquals(1, reference.system.ob().kernelHandleTable().lookup(Handles.fromKernelHandle(extension.sectionHandle))
                .object().handleCount());
        assertEquals(STATUS_SUCCESS, reference.unload());
        reference.assertClean();
    }
}
