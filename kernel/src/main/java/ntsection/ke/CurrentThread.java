package ntsection.ke;

import ntsection.ps.Thread;

import java.util.function.Supplier;

/**
 * Which simulated thread the running Java thread is: what KeGetCurrentThread and
 * PsGetCurrentProcess answer. Every call into the executive runs as one.
 */
public final class CurrentThread {
    private static final ThreadLocal<Thread> CURRENT = new ThreadLocal<>();

    private CurrentThread() {
    }

    public static Thread get() {
        Thread thread = CURRENT.get();
        if (thread == null) {
            throw new IllegalStateException("no simulated thread runs on this Java thread: call through Executive.runAs");
        }
        return thread;
    }

    /** The current simulated thread, or null when none runs on this Java thread. */
    public static Thread getOrNull() {
        return CURRENT.get();
    }

    public static boolean isSet() {
        return CURRENT.get() != null;
    }

    /** Runs {@code body} as {@code thread}, restoring whoever ran before. */
    public static <T> T runAs(Thread thread, Supplier<T> body) {
        Thread before = CURRENT.get();
        CURRENT.set(thread);
        try {
            return body.get();
        } finally {
            // set(null) rather than remove(): remove() drops the map entry, so the next
            // bind allocates a new one (15 ns and 48 bytes a call, measured in bench/).
            CURRENT.set(before);
        }
    }
}
