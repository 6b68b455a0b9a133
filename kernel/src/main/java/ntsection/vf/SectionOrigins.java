package ntsection.vf;

import ntsection.ke.ProcessorMode;
import ntsection.mm.Section;
import ntsection.ob.KernelObject;
import ntsection.ps.Thread;

import java.util.Map;
import java.util.WeakHashMap;

/**
 * Which sections user mode created (NtCreateSection with previous mode user), and by
 * which process. A section created by kernel code, or before the checks were
 * installed (\Device\PhysicalMemory at boot), is not in here.
 */
final class SectionOrigins {
    private final Map<Section, String> userCreated = new WeakHashMap<>();

    void created(Thread thread, Section section, ProcessorMode previousMode) {
        if (previousMode == ProcessorMode.UserMode) userCreated.put(section, thread.currentProcess().describe());
    }

    /** The process whose user-mode code created {@code object}, or null when kernel code did. */
    String userCreator(KernelObject object) {
        return object instanceof Section section ? userCreated.get(section) : null;
    }

    static boolean isPhysicalMemory(KernelObject object) {
        return object instanceof Section section && section.controlArea().isPhysicalMemory();
    }
}
