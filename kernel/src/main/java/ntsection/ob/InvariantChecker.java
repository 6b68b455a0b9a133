package ntsection.ob;

import ntsection.ps.Process;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the object manager's bookkeeping against what the tables and the namespace
 * hold: each object's handle count equals the handle-table entries that point at it,
 * its pointer count covers those handles and its directory entry, and no handle or
 * name leads to a deleted object. Tests run it after their last step so that a wrong
 * count fails where it happens.
 */
public final class InvariantChecker {
    private InvariantChecker() {
    }

    /** Every broken invariant, described; empty when the executive is consistent. */
    public static List<String> check(ObjectManager ob) {
        List<String> problems = new ArrayList<>();
        synchronized (ob.lock) {
            List<KernelObject> live = ob.liveObjects();
            Map<KernelObject, Integer> handles = new IdentityHashMap<>();
            for (KernelObject object : live) {
                if (object instanceof Process process) {
                    process.handleTable().forEach((handle, entry) -> {
                        KernelObject target = entry.object();
                        if (target.isDeleted()) {
                            problems.add(process.describe() + " handle " + Handles.format(handle) + " leads to deleted " + target.describe());
                        }
                        handles.merge(target, 1, Integer::sum);
                    });
                }
            }
            Map<KernelObject, Boolean> named = new IdentityHashMap<>();
            walk(ob.rootDirectory(), named, problems);
            for (KernelObject object : live) {
                int entries = handles.getOrDefault(object, 0);
                if (object.handleCount() != entries) {
                    problems.add(object.describe() + " has handle count " + object.handleCount() + " but " + entries + " handle-table entries");
                }
                int floor = entries + (named.containsKey(object) && object.name() != null && !object.name().isEmpty() ? 1 : 0);
                if (object.pointerCount() < floor) {
                    problems.add(object.describe() + " has pointer count " + object.pointerCount() + ", below the " + floor
                            + " its handles and name hold");
                }
            }
            for (KernelObject object : handles.keySet()) {
                if (!object.isDeleted() && !live.contains(object)) problems.add(object.describe() + " is reachable from a handle but unknown to Ob");
            }
        }
        return problems;
    }

    private static void walk(Directory directory, Map<KernelObject, Boolean> named, List<String> problems) {
        for (KernelObject child : directory.children()) {
            if (child.isDeleted()) problems.add("the name " + child.name() + " in " + directory.describe() + " leads to a deleted object");
            if (child.directory != directory) problems.add(child.describe() + " is listed in " + directory.describe() + " but points elsewhere");
            named.put(child, Boolean.TRUE);
            if (child instanceof Directory sub) walk(sub, named, problems);
        }
    }
}
