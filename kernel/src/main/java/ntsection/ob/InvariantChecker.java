package ntsection.ob;

import ntsection.ps.Process;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the object manager's bookkeeping against what the tables and the namespace
 * hold: each object's handle count equals the handle-table entries that point at it,
 * its pointer count covers those handles, its own name and the names of the objects
 * in it (when it is a directory), and no handle or name leads to a deleted object.
 * Tests run it after their last step so that a wrong count fails where it happens.
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
            Map<KernelObject, Integer> children = new IdentityHashMap<>();
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
                if (object.directory != null) children.merge(object.directory, 1, Integer::sum);
                if (object instanceof Directory directory) checkEntries(directory, problems);
            }
            for (KernelObject object : live) {
                int entries = handles.getOrDefault(object, 0);
                if (object.handleCount() != entries) {
                    problems.add(object.describe() + " has handle count " + object.handleCount() + " but " + entries + " handle-table entries");
                }
                int floor = entries + (object.directory != null ? 1 : 0) + children.getOrDefault(object, 0);
                if (object.pointerCount() < floor) {
                    problems.add(object.describe() + " has pointer count " + object.pointerCount() + ", below the " + floor
                            + " its handles, its name and the names in it hold");
                }
            }
            for (KernelObject object : handles.keySet()) {
                if (!object.isDeleted() && !live.contains(object)) problems.add(object.describe() + " is reachable from a handle but unknown to Ob");
            }
            for (KernelObject parent : children.keySet()) {
                if (parent.isDeleted()) problems.add("a name lives in the deleted " + parent.describe());
            }
        }
        return problems;
    }

    private static void checkEntries(Directory directory, List<String> problems) {
        for (KernelObject child : directory.children()) {
            if (child.isDeleted()) problems.add("the name " + child.name() + " in " + directory.describe() + " leads to a deleted object");
            if (child.directory != directory) problems.add(child.describe() + " is listed in " + directory.describe() + " but points elsewhere");
        }
    }
}
