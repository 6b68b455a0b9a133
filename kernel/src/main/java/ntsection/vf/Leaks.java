package ntsection.vf;

import ntsection.Executive;
import ntsection.ob.KernelObject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * What a system held before a scenario: its objects, kernel handles, free frames and
 * commit. Compared once every process has exited and every driver unloaded, anything
 * more is a leak: nobody is left who could release it.
 */
public final class Leaks {
    private final Set<KernelObject> objects = Collections.newSetFromMap(new IdentityHashMap<>());
    private final int kernelHandles;
    private final int freeFrames;
    private final long committed;

    private Leaks(Executive system) {
        objects.addAll(system.ob().liveObjects());
        kernelHandles = system.ob().kernelHandleTable().count();
        freeFrames = system.mm().physicalMemory().freeFrames();
        committed = system.mm().committedPages();
    }

    public static Leaks baseline(Executive system) {
        return new Leaks(system);
    }

    /** Everything held now that was not held at the baseline, one harm each. */
    public List<Harm> since(Executive system) {
        List<Harm> leaks = new ArrayList<>();
        for (KernelObject object : system.ob().liveObjects()) {
            if (objects.contains(object)) continue;
            leaks.add(new Harm(Harm.Kind.LEAK, object.describe() + " is still alive (" + object.handleCount()
                    + " handles, " + object.pointerCount() + " references)"));
        }
        int handles = system.ob().kernelHandleTable().count() - kernelHandles;
        if (handles > 0) leaks.add(new Harm(Harm.Kind.LEAK, handles + " kernel handles are still open"));
        int frames = freeFrames - system.mm().physicalMemory().freeFrames();
        if (frames > 0) leaks.add(new Harm(Harm.Kind.LEAK, frames + " page frames are still in use"));
        long pages = system.mm().committedPages() - committed;
        if (pages > 0) leaks.add(new Harm(Harm.Kind.LEAK, pages + " pages of commit are still charged"));
        return leaks;
    }
}
