package ntsection.verifier.replay;

import ntsection.ke.PointKind;
import ntsection.nt.NtStatus;
import ntsection.ob.KernelObject;

/**
 * What a thread does at a scheduling point, said in NT terms from the point's kind and
 * detail and the thread's stack: the service it enters or leaves and the status it
 * returns, the user address it reads or writes, the dispatcher object it waits on or
 * signals. A point inside a service also names the service, so that a driver's access
 * to user memory reads as happening in the request that caused it.
 */
final class Actions {
    /** The detail of a thread that did not end by returning or faulting: NT terminated it (its process went). */
    private static final long TERMINATED = -1;

    private Actions() {
    }

    static String describe(PointKind kind, long detail, CallSite site, ObjectNames objects) {
        return switch (kind) {
            case RUN_START -> "run starts";
            case SERVICE_ENTRY -> site.service() + " enters";
            case SERVICE_EXIT -> site.service() + " returns " + status(detail);
            // MemoryAccess gives a write's address complemented; user addresses are never negative.
            case USER_MEMORY -> (detail < 0 ? "write " + address(~detail) : "read " + address(detail)) + within(site);
            case WAIT -> "waits on " + object(detail, objects) + within(site);
            case BLOCK -> "blocks on " + object(detail, objects) + within(site);
            case SIGNAL -> "signals " + object(detail, objects) + within(site);
            case YIELD -> (detail == 0 ? "yields" : "yields, " + object(detail, objects)) + within(site);
            case THREAD_EXIT -> detail == TERMINATED ? "is terminated" : "exits " + status(detail);
        };
    }

    /**
     * Described as it is now, so that a temporary object that lost its name says so. A
     * path names one object; anything else needs its address to tell it from its kin.
     */
    private static String object(long address, ObjectNames objects) {
        KernelObject object = objects.at(address);
        if (object == null) return "object " + address(address);
        return object.path() != null ? object.describe() : object.describe() + " " + address(address);
    }

    private static String within(CallSite site) {
        return site.service() == null ? "" : " in " + site.service();
    }

    private static String status(long detail) {
        NtStatus status = NtStatus.byCode((int) detail);
        return status == null ? NtStatus.hex((int) detail) : status.name();
    }

    private static String address(long address) {
        return "0x" + Long.toHexString(address).toUpperCase();
    }
}
