package ntsection.drivers.attacks;

import ntsection.drivers.Family;
import ntsection.drivers.broker.PhysicalPageReader;
import ntsection.drivers.demo.Attack;
import ntsection.drivers.demo.Stage;
import ntsection.drivers.demo.Target;
import ntsection.nt.LongOut;
import ntsection.ob.ObjectAttributes;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static ntsection.mm.PageProtection.SECTION_MAP_READ;

/**
 * Goes for physical memory: opens \Device\PhysicalMemory itself, which user mode may
 * not, and asks the broker for a handle; with a handle it maps frame after frame and
 * reads each, hunting for key material, until it finds some (SV10).
 */
public final class PhysicalMemoryAttack implements Attack {
    private static final byte[] KEY_MARK = "SECRET".getBytes(StandardCharsets.US_ASCII);

    @Override
    public String name() {
        return "physical-memory";
    }

    @Override
    public String summary() {
        return "open \\Device\\PhysicalMemory, or have the broker open it, and read frame after frame";
    }

    @Override
    public boolean aims(Target target) {
        return true;
    }

    @Override
    public void stage(Stage stage) {
        Target target = stage.target();
        stage.attack(user -> {
            LongOut direct = new LongOut();
            if (user.nt().ntOpenSection(direct, SECTION_MAP_READ,
                    ObjectAttributes.named("\\Device\\PhysicalMemory", 0)).isSuccess()) {
                user.nt().ntClose(direct.value);
            }
            if (target.family() != Family.BROKER) return;
            PhysicalPageReader reader = new PhysicalPageReader(user);
            if (!reader.open().isSuccess()) return;
            if (reader.requestHandle().isSuccess()) hunt(reader);
            reader.close();
        });
    }

    /** Reads whole frames from the first; stops at the end of memory or at the first key-like bytes. */
    private static void hunt(PhysicalPageReader reader) {
        for (long frame = 0; ; frame++) {
            byte[] page = reader.readFrame(frame, PhysicalPageReader.PAGE_SIZE);
            if (page == null || contains(page)) return;
        }
    }

    private static boolean contains(byte[] page) {
        for (int at = 0; at + KEY_MARK.length <= page.length; at++) {
            if (Arrays.equals(page, at, at + KEY_MARK.length, KEY_MARK, 0, KEY_MARK.length)) return true;
        }
        return false;
    }
}
