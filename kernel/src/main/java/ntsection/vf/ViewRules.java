package ntsection.vf;

import ntsection.io.DriverObject;
import ntsection.ke.SchedulingPoint;
import ntsection.mm.Section;
import ntsection.ps.Process;
import ntsection.ps.ProcessManager;
import ntsection.ps.Thread;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SV2 (system-thread-map), SV3 (driver-creates, when mapping), SV4 (requestor-context)
 * and the view half of SV10 (physical-memory): the views driver code maps.
 *
 * <p>Whether a view is meant for the requestor or kept by the driver is decided when the
 * request it was mapped for completes: it is shared when its base address goes back to
 * the requestor in the request's output (the only way the caller learns where it is),
 * and still mapped. Then:
 * <ul>
 * <li>SV2: a view not shared that lies in a process other than System (also any view
 *     driver code maps into a process other than System outside a request).</li>
 * <li>SV4: a shared view that lies in a process other than the requestor's, or that a
 *     lower-level driver (a device with another attached above it) mapped, in
 *     whatever context its dispatch routine happened to run.</li>
 * <li>SV3, at the map: driver code maps a section user mode created, into a process or
 *     into system space; not when the section reached the driver through a user handle
 *     it trusted, which is SV7's finding, this one only its consequence.</li>
 * <li>SV10, at the map: driver code maps \Device\PhysicalMemory into an untrusted process.</li>
 * </ul>
 * Findings of the access rules (SV5, SV6) on a view not yet judged wait for the
 * judgment: a private view's unguarded touches are SV2's consequence, not SV5's.
 */
final class ViewRules {
    enum State {
        /** Mapped for a request not yet complete. */
        PENDING,
        /** Handed to the requestor: user mode knows it, every access rule applies. */
        SHARED,
        /** Kept by the driver in a user process: SV2 was reported; accesses to it are not judged again. */
        PRIVATE,
        /** Kept by the driver in the System process, where no user-mode code runs. */
        KERNEL
    }

    /** A view driver code mapped into a process's user range. */
    static final class TrackedView {
        final Process process;
        final long base;
        final long end;
        final Section section;
        final DriverObject driver;
        final boolean highestLevel;
        final StackTraceElement frame;
        final String mapperProcess;
        final String mapperThread;
        final long step;
        State state = State.PENDING;
        /** SV5 and SV6 findings on the view while it was pending. */
        final List<Violation> deferred = new ArrayList<>();

        TrackedView(Thread thread, Process process, long base, long size, Section section, Calls.Call call,
                    StackTraceElement frame) {
            this.process = process;
            this.base = base;
            this.end = base + size;
            this.section = section;
            this.driver = call.driver();
            this.highestLevel = call.highestLevel();
            this.frame = frame;
            this.mapperProcess = thread.currentProcess().describe();
            this.mapperThread = thread.describe();
            this.step = SchedulingPoint.step(thread);
        }

        /** How reports name the view: its section, its base and the process it lies in. */
        String name() {
            return Findings.name(section) + ", view at 0x" + Long.toHexString(base) + " in " + process.describe();
        }

        Violation violation(Rule rule, String message) {
            return new Violation(rule, message, frame, mapperProcess, mapperThread, name(), step);
        }
    }

    private final SectionOrigins sections;
    private final Findings findings;
    private final Map<Process, TreeMap<Long, TrackedView>> views = new IdentityHashMap<>();

    ViewRules(SectionOrigins sections, Findings findings) {
        this.sections = sections;
        this.findings = findings;
    }

    /** Driver code mapped a view of {@code section} into {@code process}. */
    void mapped(Thread thread, Calls.Call call, Process process, Section section, long base, long size,
                StackTraceElement frame) {
        TrackedView view = new TrackedView(thread, process, base, size, section, call, frame);
        String creator = sections.userCreator(section);
        if (creator != null && !findings.has(Rule.SV7, Findings.name(section))) {
            findings.add(view.violation(Rule.SV3, "driver code mapped a section that user mode created (" + creator
                    + " made it) into " + process.describe() + ": its creator keeps its own handle and views, and"
                    + " writes, resizes or swaps what the driver relies on"));
        }
        if (SectionOrigins.isPhysicalMemory(section) && HandleRules.untrusted(process)) {
            findings.add(view.violation(Rule.SV10, "driver code mapped a view of \\Device\\PhysicalMemory into "
                    + process.describe() + ", whose token is not trusted"));
        }
        TreeMap<Long, TrackedView> mapped = views.computeIfAbsent(process, ignored -> new TreeMap<>());
        // A private view unmapped earlier is remembered only until something else takes its place.
        mapped.values().removeIf(old -> Long.compareUnsigned(old.base, view.end) < 0
                && Long.compareUnsigned(base, old.end) < 0);
        mapped.put(base, view);
        Request request = Calls.openRequest(call);
        if (request != null) {
            request.views.add(view);
        } else if (process.id() == ProcessManager.SYSTEM_PROCESS_ID) {
            view.state = State.KERNEL;
        } else {
            view.state = State.PRIVATE;
            findings.add(view.violation(Rule.SV2, "driver code mapped a view into " + process.describe()
                    + " outside any request, so no caller was meant to have it, yet that process can read and write"
                    + " it: a view the driver keeps must be mapped from a system thread, into System"));
        }
    }

    /** Driver code mapped {@code section} into system space. */
    void mappedInSystemSpace(Thread thread, Section section, long base, StackTraceElement frame) {
        String creator = sections.userCreator(section);
        String name = Findings.name(section);
        if (creator == null || findings.has(Rule.SV7, name)) return;
        findings.report(Rule.SV3, "driver code mapped a section that user mode created (" + creator + " made it) into"
                + " system space at 0x" + Long.toHexString(base) + ": its creator keeps writing it through its own"
                + " views", frame, thread, name);
    }

    /**
     * A view was unmapped, by anyone. A private view stays known where it was: driver code
     * that goes on touching it there, after user mode unmapped it, breaks SV2 still, and
     * what it touches is whatever user mode put there since.
     */
    void unmapped(Process process, long base) {
        TreeMap<Long, TrackedView> mapped = views.get(process);
        if (mapped == null) return;
        TrackedView view = mapped.get(base);
        if (view == null || view.state == State.PRIVATE) return;
        mapped.remove(base);
        if (mapped.isEmpty()) views.remove(process);
    }

    /** The tracked view of {@code process} that {@code address} lies in, or null. */
    TrackedView find(Process process, long address) {
        TreeMap<Long, TrackedView> mapped = views.get(process);
        if (mapped == null) return null;
        Map.Entry<Long, TrackedView> below = mapped.floorEntry(address);
        if (below == null || Long.compareUnsigned(address, below.getValue().end) >= 0) return null;
        return below.getValue();
    }

    /** The request completed: each view mapped for it is judged shared or kept, and its waiting findings follow. */
    void completed(Request request) {
        for (TrackedView view : request.views) {
            // Its base in the output means it went to the requestor, even if the requestor already unmapped it.
            boolean shared = request.outputCarries(view.base);
            if (shared) {
                view.state = State.SHARED;
                if (view.process != request.requestor) {
                    findings.add(view.violation(Rule.SV4, "a view handed to the requestor " + request.requestor.describe()
                            + " (its base address went back in the request's output) was mapped into "
                            + view.process.describe() + ": it must be mapped in the requestor's context, by the"
                            + " highest-level driver's dispatch routine, not from a worker thread"));
                } else if (!view.highestLevel) {
                    findings.add(view.violation(Rule.SV4, "a view handed to the requestor " + request.requestor.describe()
                            + " was mapped by a lower-level driver, whose dispatch routine runs in an arbitrary"
                            + " thread context: it landed in the requestor only by chance"));
                }
                view.deferred.forEach(findings::add);
            } else if (view.process.id() == ProcessManager.SYSTEM_PROCESS_ID) {
                view.state = State.KERNEL;
            } else {
                view.state = State.PRIVATE;
                findings.add(view.violation(Rule.SV2, "a view the driver keeps to itself (never handed to the requestor)"
                        + " was mapped into " + view.process.describe() + ", where that process can read and write it:"
                        + " a kernel-only view must be mapped from a system thread, into System"));
            }
            view.deferred.clear();
        }
        request.views.clear();
    }
}
