package ntsection.drivers;

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
 * A kernel-private section behind a kernel handle that stays open, its first page
 * starting with a canary: what the SV7 and SV10 attacks look for. Planted by the test's
 * own kernel code on the system worker, outside any driver, so no rule looks at it. Shared by the twin and rule tests.
 */
public final class KernelSecret {
    public static final byte[] CANARY = "rules-kernel-canary".getBytes(StandardCharsets.US_ASCII);

    private KernelSecret() {
    }

    public static Section plant(Executive system) {
        return system.inSystemThread(() -> {
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
            return section;
        });
    }
}
