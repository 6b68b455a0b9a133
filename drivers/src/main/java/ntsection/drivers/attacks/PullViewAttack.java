package ntsection.drivers.attacks;

import ntsection.drivers.Family;
import ntsection.drivers.demo.Attack;
import ntsection.drivers.demo.Stage;
import ntsection.drivers.demo.Target;
import ntsection.drivers.ring.RingClient;
import ntsection.nt.LongOut;
import ntsection.user.UserContext;

import static ntsection.drivers.ring.SharedViewIoctl.RING_SIZE;
import static ntsection.mm.PageProtection.*;
import static ntsection.ob.Handles.NtCurrentProcess;

/**
 * Takes the shared view away from the driver while it serves: one thread submits
 * requests, another unmaps the view, or re-protects it NOACCESS, READONLY or GUARD. A
 * driver that touches the view outside try/except stops the system (SV5).
 */
public final class PullViewAttack implements Attack {
    /** How the view is taken away. */
    public enum How {
        UNMAP("unmap-view", "unmap the shared view while the driver serves a request"),
        REPROTECT("reprotect-view", "re-protect the shared view NOACCESS, READONLY, then GUARD while the driver serves");

        private final String name;
        private final String summary;

        How(String name, String summary) {
            this.name = name;
            this.summary = summary;
        }
    }

    private static final int SUBMITS = 3;
    private final How how;

    public PullViewAttack(How how) {
        this.how = how;
    }

    @Override
    public String name() {
        return how.name;
    }

    @Override
    public String summary() {
        return how.summary;
    }

    @Override
    public boolean aims(Target target) {
        return target.family() == Family.RING;
    }

    @Override
    public void stage(Stage stage) {
        long ready = stage.event();
        RingClient[] client = new RingClient[1];
        stage.attack(RingRace.client(ready, new byte[]{1, 2, 3}, SUBMITS, client));
        stage.attack(user -> {
            user.waitFor(ready);
            if (client[0] != null) pull(user, client[0].ring());
        });
    }

    private void pull(UserContext user, long ring) {
        if (how == How.UNMAP) {
            user.nt().ntUnmapViewOfSection(NtCurrentProcess, ring);
            return;
        }
        for (int protection : new int[]{PAGE_NOACCESS, PAGE_READONLY, PAGE_READWRITE | PAGE_GUARD}) {
            user.nt().ntProtectVirtualMemory(NtCurrentProcess, new LongOut(ring), new LongOut(RING_SIZE), protection,
                    new LongOut());
        }
    }
}
