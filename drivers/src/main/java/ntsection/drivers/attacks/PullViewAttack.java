package ntsection.drivers.attacks;

import ntsection.drivers.Family;
import ntsection.drivers.demo.Attack;
import ntsection.drivers.demo.Stage;
import ntsection.drivers.ring.RingClient;
import ntsection.nt.LongOut;
import ntsection.user.UserContext;

import java.util.List;

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
    public boolean aims(Family family) {
        return family == Family.RING;
    }

    @Override
    public void stage(Stage stage) {
        long[] ring = new long[1];
        long ready = stage.event();
        stage.attack(user -> {
            // Set in any case: a client whose view faults under it must not leave the other thread waiting.
            try {
                RingClient client = new RingClient(user);
                if (client.open().isSuccess() && client.connect().isSuccess()) {
                    client.fill(List.of(new byte[]{1, 2, 3}));
                    ring[0] = client.ring();
                    user.nt().ntSetEvent(ready, null);
                    for (int i = 0; i < SUBMITS; i++) client.submit();
                }
            } finally {
                user.nt().ntSetEvent(ready, null);
            }
        });
        stage.attack(user -> {
            user.waitFor(ready);
            if (ring[0] != 0) pull(user, ring[0]);
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
