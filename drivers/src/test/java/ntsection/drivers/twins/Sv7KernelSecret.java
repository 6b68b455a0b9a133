package ntsection.drivers.twins;

import ntsection.Executive;
import ntsection.mm.Section;
import ntsection.nt.LongOut;
import ntsection.nt.Out;
import ntsection.ob.KernelObject;
import ntsection.ob.ObjectAttributes;

import java.nio.charset.StandardCharsets;

import static ntsection.ke.ProcessorMode.KernelMode;
import static ntsection.mm.PageProtection.*;
import static ntsection.ob.Attributes.OBJ_KERNEL_HANDLE;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A kernel-private section (a kernel handle, open for as long as the system runs) whose
 * first page starts with a canary: the secret the SV7 and SV10 attacks go after.
 */
final class Sv7KernelSecret {
    static final byte[] CANARY = "kernel-secret-canary".getBytes(StandardCharsets.US_ASCII);

    private Sv7KernelSecret() {
    }

    static void plant(Executive system) {
        system.inSystemThread(() -> {
            LongOut handle = new LongOut();
            assertTrue(system.zw().zwCreateSection(handle, SECTION_MAP_READ | SECTION_MAP_WRITE,
                    ObjectAttributes.unnamed(OBJ_KERNEL_HANDLE), 4096L, PAGE_READWRITE, SEC_COMMIT, 0).isSuccess());
            Out<KernelObject> object = new Out<>();
            assertTrue(system.ob().obReferenceObjectByHandle(handle.value, SECTION_MAP_WRITE, system.ob().types().section(),
                    KernelMode, object, null).isSuccess());
            Section section = (Section) object.value;
            LongOut base = new LongOut();
            assertTrue(system.mm().mmMapViewInSystemSpace(section, base, new LongOut()).isSuccess());
            system.mm().access().write(base.value, CANARY);
            system.mm().mmUnmapViewInSystemSpace(base.value);
            system.ob().obDereferenceObject(section);
            return null;
        });
    }
}
