package ntsection.vf;

import ntsection.ke.ProcessorMode;
import ntsection.ob.KernelObject;
import ntsection.ps.Process;
import ntsection.ps.ProcessManager;
import ntsection.ps.Thread;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run-time oracles every run is judged by: an attacker's user-mode code touching a
 * canary; an attacker using a handle that driver code made in the attacker's table for
 * its own use; any code touching a deleted object. Bug-checks and leaks are read off the
 * system when the run ends ({@link Leaks}). Harms are recorded, not raised, so a run
 * goes on and shows everything it does.
 */
public final class Oracles implements VerifierHooks {
    private final Secrets secrets = new Secrets();
    private final Set<Process> attackers = ConcurrentHashMap.newKeySet();
    private final Map<Slot, Provenance> handles = new ConcurrentHashMap<>();
    private final List<Harm> harms = new ArrayList<>();

    /** A handle entry: its table's owner and its value there. */
    private record Slot(Process owner, long handle) {
    }

    /** Who made an entry and who used it since. */
    private static final class Provenance {
        final KernelObject object;
        final boolean kernelMade;
        volatile boolean kernelUsed;

        Provenance(KernelObject object, boolean kernelMade) {
            this.object = object;
            this.kernelMade = kernelMade;
        }
    }

    public Secrets secrets() {
        return secrets;
    }

    /** Marks a process as the adversary: what its user-mode code reaches counts as harm. */
    public void attacker(Process process) {
        attackers.add(process);
    }

    public synchronized List<Harm> harms() {
        return List.copyOf(harms);
    }

    private synchronized void record(Harm.Kind kind, String message) {
        // One report per kind and message: a scan that reads a canary a thousand times leaked it once.
        Harm harm = new Harm(kind, message);
        if (!harms.contains(harm)) harms.add(harm);
    }

    /** The attacker's own code touching memory: user mode, in an attacker's process. */
    private boolean attacking(Thread thread) {
        return thread.executionMode() == ProcessorMode.UserMode && attackers.contains(thread.currentProcess());
    }

    /** A system service the attacker called: previous mode user, from an attacker's process. */
    private boolean calledByAttacker(Thread thread) {
        return thread.previousMode() == ProcessorMode.UserMode && attackers.contains(thread.currentProcess());
    }

    @Override
    public void userMemory(Thread thread, MemorySegment ram, long physical, long length, boolean write) {
        if (!attacking(thread) || !secrets.touched(ram, physical, length)) return;
        record(Harm.Kind.SECRET_LEAKED, thread.currentProcess().imageName() + (write ? " overwrote" : " read")
                + " a planted secret at physical 0x" + Long.toHexString(physical));
    }

    @Override
    public void handleInserted(Thread thread, Process owner, long handle, KernelObject object) {
        boolean userTable = owner.id() != ProcessManager.SYSTEM_PROCESS_ID;
        handles.put(new Slot(owner, handle),
                new Provenance(object, userTable && thread.previousMode() == ProcessorMode.KernelMode));
    }

    @Override
    public void handleReferenced(Thread thread, Process owner, long handle, KernelObject object, ProcessorMode accessMode) {
        Provenance entry = handles.get(new Slot(owner, handle));
        if (entry == null || entry.object != object || !entry.kernelMade) return;
        if (accessMode == ProcessorMode.KernelMode) entry.kernelUsed = true;
        else stolen(thread, handle, entry, "used");
    }

    @Override
    public void handleClosed(Thread thread, Process owner, long handle, KernelObject object, ProcessorMode mode) {
        Provenance entry = handles.remove(new Slot(owner, handle));
        if (entry != null && entry.object == object && entry.kernelMade && mode == ProcessorMode.UserMode) {
            stolen(thread, handle, entry, "closed");
        }
    }

    private void stolen(Thread thread, long handle, Provenance entry, String how) {
        if (!entry.kernelUsed || !calledByAttacker(thread)) return;
        record(Harm.Kind.HANDLE_STOLEN, thread.currentProcess().imageName() + " " + how + " handle 0x"
                + Long.toHexString(handle) + " to " + entry.object.describe() + ", which driver code made for its own use");
    }

    /** Every secret a driver generates starts with a canary, so wherever it is copied, it is followed. */
    @Override
    public void secretGenerated(byte[] secret) {
        byte[] canary = secrets.plant();
        System.arraycopy(canary, 0, secret, 0, Math.min(canary.length, secret.length));
    }

    @Override
    public void deletedObjectUsed(Thread thread, KernelObject object) {
        record(Harm.Kind.USE_AFTER_FREE, thread.describe() + " used " + object.describe() + " after it was deleted");
    }
}
