package ntsection.vf;

import ntsection.Executive;
import ntsection.io.DeviceObject;
import ntsection.io.DriverObject;
import ntsection.io.Irp;
import ntsection.ke.ProcessorMode;
import ntsection.mm.Section;
import ntsection.ob.KernelObject;
import ntsection.ps.Process;
import ntsection.ps.ProcessManager;
import ntsection.ps.Thread;

import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The protocol's rules SV1 to SV10, checked while the model runs: installed as the
 * kernel's verifier hooks, it follows which driver each thread runs code of and for
 * which request ({@link Calls}), and hands each event to the checks of the rules it
 * concerns: handles ({@link HandleRules}: SV1, SV7, SV10), references
 * ({@link ReferenceRules}: SV8, SV9), views ({@link ViewRules}: SV2, SV3, SV4, SV10)
 * and user-memory accesses ({@link AccessRules}: SV5, SV6). A broken rule is recorded
 * as a {@link Violation}, whether or not anything exploited it, once per rule, code
 * location and object. Only code that runs inside a driver call is judged; each
 * finding names the innermost frame of that code.
 *
 * <p>Every hook runs under this object's lock, so one instance serves free-mode runs
 * too. Install it before the drivers it should watch are loaded and before the
 * processes are created: what happened earlier is unknown to it.
 */
public final class RuleChecks implements VerifierHooks {
    private final Findings findings = new Findings();
    private final Calls calls = new Calls();
    private final HandleOrigins handles = new HandleOrigins();
    private final SectionOrigins sections = new SectionOrigins();
    private final HandleRules handleRules = new HandleRules(handles, findings);
    private final ReferenceRules referenceRules = new ReferenceRules(handles, findings);
    private final ViewRules viewRules = new ViewRules(sections, findings);
    private final AccessRules accessRules = new AccessRules(viewRules, findings);
    /** The section each thread created last, until its handle is inserted: that insert is the creation's. */
    private final Map<Thread, Section> justCreated = new IdentityHashMap<>();

    /**
     * Installs a fresh set of checks on {@code system}, told after the watchers already
     * installed and {@code alongside} (the demo's oracles, say).
     */
    public static RuleChecks install(Executive system, VerifierHooks... alongside) {
        RuleChecks checks = new RuleChecks();
        VerifierHooks[] all = new VerifierHooks[alongside.length + 2];
        all[0] = system.kernel().hooks();
        System.arraycopy(alongside, 0, all, 1, alongside.length);
        all[all.length - 1] = checks;
        system.kernel().setHooks(HookChain.of(all));
        return checks;
    }

    /** Every violation so far, in the order found. */
    public synchronized List<Violation> violations() {
        return findings.all();
    }

    /** The violations of one rule, in the order found. */
    public synchronized List<Violation> violations(Rule rule) {
        return findings.all().stream().filter(violation -> violation.rule() == rule).toList();
    }

    /** The rules broken so far. */
    public synchronized Set<Rule> broken() {
        Set<Rule> rules = EnumSet.noneOf(Rule.class);
        for (Violation violation : findings.all()) rules.add(violation.rule());
        return rules;
    }

    /** Forgets the violations found so far (what the checks know of drivers, handles and views stays). */
    public synchronized void clearViolations() {
        findings.clear();
    }

    // ---------------------------------------------------------------- where driver code runs

    @Override
    public synchronized void driverCalled(Thread thread, DriverObject driver, DriverCall call, DeviceObject device, Irp irp) {
        calls.called(thread, driver, call, device, irp);
    }

    @Override
    public synchronized void driverReturned(Thread thread, DriverObject driver, DriverCall call, DeviceObject device,
                                            Irp irp) {
        calls.returned(thread);
        if (call == DriverCall.DRIVER_UNLOAD) referenceRules.unloaded(thread, driver);
    }

    @Override
    public synchronized void irpCompleted(Thread thread, Irp irp) {
        Request request = calls.completed(irp);
        if (request == null) return;
        viewRules.completed(request);
        for (long handle : request.handles) {
            if (request.outputCarries(handle)) handles.handedOut(request.requestor, handle);
        }
    }

    @Override
    public synchronized void workItemQueued(Thread thread, Object item) {
        calls.workQueued(thread, item);
    }

    @Override
    public synchronized void workItemStarted(Thread thread, Object item) {
        calls.workStarted(thread, item);
    }

    @Override
    public synchronized void workItemFinished(Thread thread, Object item) {
        calls.workFinished(thread);
    }

    // ---------------------------------------------------------------- handles and references

    @Override
    public synchronized void sectionCreated(Thread thread, Section section, ProcessorMode previousMode) {
        sections.created(thread, section, previousMode);
        justCreated.put(thread, section);
    }

    @Override
    public synchronized void handleInserted(Thread thread, Process owner, long handle, KernelObject object) {
        boolean creation = justCreated.remove(thread) == object;
        Calls.Call call = calls.current(thread);
        boolean physicalToUntrusted = SectionOrigins.isPhysicalMemory(object) && HandleRules.untrusted(owner);
        if (call == null && !physicalToUntrusted) return;
        StackTraceElement frame = Frames.origin().frame();
        handleRules.inserted(thread, owner, handle, object, frame);
        if (call == null) return;
        handles.record(owner, handle, object, call.driver(), frame);
        if (owner.id() == ProcessManager.SYSTEM_PROCESS_ID) return;
        Request request = Calls.openRequest(call);
        if (request != null && owner == request.requestor) request.handles.add(handle);
        String creator = sections.userCreator(object);
        if (creator != null && !findings.has(Rule.SV7, Findings.name(object))) {
            String name = Findings.name(object);
            findings.report(Rule.SV3, "driver code handed " + owner.describe() + " a handle to a section that user mode"
                    + " created (" + creator + " made it): whatever the driver shares through it, its creator controls",
                    frame, thread, name);
        }
        referenceRules.inserted(thread, call.driver(), owner, handle, object, creation, frame);
    }

    @Override
    public synchronized void handleReferenced(Thread thread, Process owner, long handle, KernelObject object,
                                              ProcessorMode accessMode) {
        Calls.Call call = calls.current(thread);
        if (call == null) return;
        Frames.Origin origin = Frames.origin();
        handleRules.referenced(thread, Calls.openRequest(call), owner, handle, object, accessMode, origin.frame());
        if (origin.referencedItself()) referenceRules.referenced(call.driver(), object, origin.frame());
    }

    @Override
    public synchronized void handleClosed(Thread thread, Process owner, long handle, KernelObject object,
                                          ProcessorMode mode) {
        Calls.Call call = calls.current(thread);
        if (call != null && mode == ProcessorMode.KernelMode) {
            handleRules.closed(thread, Calls.openRequest(call), owner, handle, object, Frames.origin().frame());
        }
        handles.closed(owner, handle);
    }

    @Override
    public synchronized void objectReferenced(Thread thread, KernelObject object) {
        Calls.Call call = calls.current(thread);
        if (call == null) return;
        Frames.Origin origin = Frames.origin();
        if (origin.referencedItself()) referenceRules.referenced(call.driver(), object, origin.frame());
    }

    @Override
    public synchronized void objectDereferenced(Thread thread, KernelObject object) {
        Calls.Call call = calls.current(thread);
        if (call == null || !referenceRules.counts(call.driver(), object)) return;
        Frames.Origin origin = Frames.origin();
        if (!origin.dereferencedItself()) return;
        referenceRules.dereferencing(thread, call.driver(), object, call.kind() == DriverCall.DRIVER_UNLOAD,
                origin.frame());
    }

    @Override
    public synchronized void deletedObjectUsed(Thread thread, KernelObject object) {
        Calls.Call call = calls.current(thread);
        if (call != null) referenceRules.deletedUsed(thread, call.driver(), object, Frames.origin().frame());
    }

    // ---------------------------------------------------------------- views and memory

    @Override
    public synchronized void viewMapped(Thread thread, Process process, Section section, long base, long size) {
        Calls.Call call = calls.current(thread);
        if (call != null) viewRules.mapped(thread, call, process, section, base, size, Frames.origin().frame());
    }

    @Override
    public synchronized void viewUnmapped(Thread thread, Process process, long base) {
        viewRules.unmapped(process, base);
    }

    @Override
    public synchronized void systemViewMapped(Thread thread, Section section, long base) {
        if (calls.current(thread) != null && sections.userCreator(section) != null) {
            viewRules.mappedInSystemSpace(thread, section, base, Frames.origin().frame());
        }
    }

    @Override
    public synchronized void userAccess(Thread thread, long address, long length, boolean write) {
        if (thread.executionMode() != ProcessorMode.KernelMode || length <= 0) return;
        if (thread.currentProcess().id() == ProcessManager.SYSTEM_PROCESS_ID) return;
        Calls.Call call = calls.current(thread);
        if (call == null) return;
        Frames.Origin origin = Frames.origin();
        if (origin.accessedMemoryItself()) accessRules.access(thread, call, address, length, write, origin.frame());
    }
}
