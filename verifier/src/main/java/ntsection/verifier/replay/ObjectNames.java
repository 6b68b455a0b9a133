package ntsection.verifier.replay;

import ntsection.ob.KernelObject;
import ntsection.ob.ObjectManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Finds the object at a system address, as a scheduling point's detail gives it. The
 * object manager hands out each address once, so an object once seen stays the one at
 * its address, even after its deletion; the live objects are read again only when an
 * address is new.
 */
final class ObjectNames {
    private final ObjectManager ob;
    private final Map<Long, KernelObject> byAddress = new HashMap<>();

    ObjectNames(ObjectManager ob) {
        this.ob = ob;
    }

    /** The object at {@code address}, or null for one deleted before it was ever looked for. */
    KernelObject at(long address) {
        KernelObject object = byAddress.get(address);
        if (object != null) return object;
        for (KernelObject live : ob.liveObjects()) byAddress.putIfAbsent(live.address(), live);
        return byAddress.get(address);
    }
}
