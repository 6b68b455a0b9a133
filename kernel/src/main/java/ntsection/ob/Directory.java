package ntsection.ob;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An object directory. Names are kept as given; two objects whose names differ only in
 * case may live side by side, and which one a case-insensitive lookup finds is the one
 * inserted first.
 */
public final class Directory extends KernelObject {
    private final Map<String, List<KernelObject>> entries = new LinkedHashMap<>();

    Directory(ObjectType type) {
        super(type);
    }

    /** The object named exactly (or, when caseInsensitive, in any case), or null. */
    KernelObject find(String component, boolean caseInsensitive) {
        List<KernelObject> candidates = entries.get(key(component));
        if (candidates == null) return null;
        for (KernelObject candidate : candidates) {
            if (caseInsensitive || candidate.name.equals(component)) return candidate;
        }
        return null;
    }

    void add(KernelObject object) {
        entries.computeIfAbsent(key(object.name), k -> new ArrayList<>(1)).add(object);
    }

    void remove(KernelObject object) {
        List<KernelObject> candidates = entries.get(key(object.name));
        if (candidates == null) return;
        candidates.remove(object);
        if (candidates.isEmpty()) entries.remove(key(object.name));
    }

    /** The objects named in this directory, in insertion order. */
    public List<KernelObject> children() {
        List<KernelObject> all = new ArrayList<>();
        entries.values().forEach(all::addAll);
        return all;
    }

    private static String key(String component) {
        return component.toUpperCase(Locale.ROOT);
    }
}
