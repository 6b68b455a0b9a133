package ntsection.vf;

import ntsection.io.DeviceObject;
import ntsection.io.DriverObject;
import ntsection.io.Irp;
import ntsection.ke.ProcessorMode;
import ntsection.mm.Section;
import ntsection.ob.KernelObject;
import ntsection.ps.Process;
import ntsection.ps.Thread;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * Several watchers installed as one: every hook is told to each, in the order given.
 * {@link VerifierHooks#NONE} entries are dropped, so a chain of one is that watcher.
 */
public final class HookChain implements VerifierHooks {
    private final VerifierHooks[] hooks;

    private HookChain(VerifierHooks[] hooks) {
        this.hooks = hooks;
    }

    public static VerifierHooks of(VerifierHooks... watchers) {
        List<VerifierHooks> kept = new ArrayList<>();
        for (VerifierHooks watcher : watchers) {
            if (watcher == null || watcher == NONE) continue;
            if (watcher instanceof HookChain chain) kept.addAll(List.of(chain.hooks));
            else kept.add(watcher);
        }
        if (kept.isEmpty()) return NONE;
        if (kept.size() == 1) return kept.getFirst();
        return new HookChain(kept.toArray(VerifierHooks[]::new));
    }

    /** The watchers, in the order they are told. */
    public List<VerifierHooks> watchers() {
        return List.of(hooks);
    }

    @Override
    public void userMemory(Thread thread, MemorySegment ram, long physical, long length, boolean write) {
        for (VerifierHooks h : hooks) h.userMemory(thread, ram, physical, length, write);
    }

    @Override
    public void handleInserted(Thread thread, Process owner, long handle, KernelObject object) {
        for (VerifierHooks h : hooks) h.handleInserted(thread, owner, handle, object);
    }

    @Override
    public void handleReferenced(Thread thread, Process owner, long handle, KernelObject object, ProcessorMode accessMode) {
        for (VerifierHooks h : hooks) h.handleReferenced(thread, owner, handle, object, accessMode);
    }

    @Override
    public void handleClosed(Thread thread, Process owner, long handle, KernelObject object, ProcessorMode mode) {
        for (VerifierHooks h : hooks) h.handleClosed(thread, owner, handle, object, mode);
    }

    @Override
    public void deletedObjectUsed(Thread thread, KernelObject object) {
        for (VerifierHooks h : hooks) h.deletedObjectUsed(thread, object);
    }

    @Override
    public void secretGenerated(byte[] secret) {
        for (VerifierHooks h : hooks) h.secretGenerated(secret);
    }

    @Override
    public void userAccess(Thread thread, long address, long length, boolean write) {
        for (VerifierHooks h : hooks) h.userAccess(thread, address, length, write);
    }

    @Override
    public void driverCalled(Thread thread, DriverObject driver, DriverCall call, DeviceObject device, Irp irp) {
        for (VerifierHooks h : hooks) h.driverCalled(thread, driver, call, device, irp);
    }

    @Override
    public void driverReturned(Thread thread, DriverObject driver, DriverCall call, DeviceObject device, Irp irp) {
        for (VerifierHooks h : hooks) h.driverReturned(thread, driver, call, device, irp);
    }

    @Override
    public void irpCompleted(Thread thread, Irp irp) {
        for (VerifierHooks h : hooks) h.irpCompleted(thread, irp);
    }

    @Override
    public void workItemQueued(Thread thread, Object item) {
        for (VerifierHooks h : hooks) h.workItemQueued(thread, item);
    }

    @Override
    public void workItemStarted(Thread thread, Object item) {
        for (VerifierHooks h : hooks) h.workItemStarted(thread, item);
    }

    @Override
    public void workItemFinished(Thread thread, Object item) {
        for (VerifierHooks h : hooks) h.workItemFinished(thread, item);
    }

    @Override
    public void sectionCreated(Thread thread, Section section, ProcessorMode previousMode) {
        for (VerifierHooks h : hooks) h.sectionCreated(thread, section, previousMode);
    }

    @Override
    public void viewMapped(Thread thread, Process process, Section section, long base, long size) {
        for (VerifierHooks h : hooks) h.viewMapped(thread, process, section, base, size);
    }

    @Override
    public void viewUnmapped(Thread thread, Process process, long base) {
        for (VerifierHooks h : hooks) h.viewUnmapped(thread, process, base);
    }

    @Override
    public void systemViewMapped(Thread thread, Section section, long base) {
        for (VerifierHooks h : hooks) h.systemViewMapped(thread, section, base);
    }

    @Override
    public void objectReferenced(Thread thread, KernelObject object) {
        for (VerifierHooks h : hooks) h.objectReferenced(thread, object);
    }

    @Override
    public void objectDereferenced(Thread thread, KernelObject object) {
        for (VerifierHooks h : hooks) h.objectDereferenced(thread, object);
    }
}
