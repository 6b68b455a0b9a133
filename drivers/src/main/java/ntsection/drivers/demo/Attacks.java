package ntsection.drivers.demo;

import ntsection.drivers.attacks.BadBuffersAttack;
import ntsection.drivers.attacks.CloseSharedHandleAttack;
import ntsection.drivers.attacks.ForgedHandleAttack;
import ntsection.drivers.attacks.HandleScanAttack;
import ntsection.drivers.attacks.OwnSectionAttack;
import ntsection.drivers.attacks.PhysicalMemoryAttack;
import ntsection.drivers.attacks.PullViewAttack;
import ntsection.drivers.attacks.RaceViewAttack;
import ntsection.drivers.attacks.ViewScanAttack;

import java.util.List;

/** The demo's columns, in order. */
public final class Attacks {
    private Attacks() {
    }

    public static final List<Attack> ALL = List.of(
            new HandleScanAttack(),
            new ViewScanAttack(),
            new PullViewAttack(PullViewAttack.How.UNMAP),
            new PullViewAttack(PullViewAttack.How.REPROTECT),
            new RaceViewAttack(),
            new ForgedHandleAttack(),
            new OwnSectionAttack(),
            new CloseSharedHandleAttack(),
            new PhysicalMemoryAttack(),
            new BadBuffersAttack());
}
