package ntsection.verifier.replay;

import ntsection.vf.CodeOwner;

import java.util.Set;

/**
 * Where the current thread stands, read off its Java stack: the system service it is
 * in, and the innermost code that is not the executive's (a driver, a user program, a
 * test). The executive is the packages that model NT and {@code ntsection.Executive};
 * the JDK's frames are skipped as plumbing. A package's subpackages are not the
 * executive: the sample drivers under ntsection.io are drivers.
 *
 * @param service the innermost Nt* or Zw* service on the stack, as NT names it ("NtCreateEvent"), or null
 * @param code    the innermost non-executive frame as "Class.method(File.java:line)", or null
 */
record CallSite(String service, String code) {
    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final String SCHEDULER = "ntsection.ke.Scheduler";
    private static final Set<String> SERVICE_CLASSES = Set.of("ntsection.nt.Nt", "ntsection.nt.Zw");

    /**
     * Read from within a {@link ntsection.ke.ScheduleTrace}: the frames above the
     * scheduler's are the listener's own (and may be anyone's code), so the reading
     * starts below them.
     */
    static CallSite ofCurrentThread() {
        return WALKER.walk(frames -> {
            boolean belowScheduler = false;
            String service = null;
            String code = null;
            for (var iterator = frames.iterator(); iterator.hasNext() && (service == null || code == null); ) {
                StackWalker.StackFrame frame = iterator.next();
                String type = frame.getClassName();
                if (!belowScheduler) belowScheduler = type.equals(SCHEDULER);
                else if (service == null && SERVICE_CLASSES.contains(type)) service = serviceName(frame.getMethodName());
                else if (code == null && !CodeOwner.isExecutive(type) && !CodeOwner.isPlatform(type)) code = describe(frame);
            }
            return new CallSite(service, code);
        });
    }

    /** "ntCreateEvent", or the body of its lambda "lambda$ntCreateEvent$7", is NtCreateEvent. */
    private static String serviceName(String method) {
        String name = sourceMethod(method);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** The frame as a reader finds it in the source: simple class name, and a lambda under its enclosing method. */
    private static String describe(StackWalker.StackFrame frame) {
        String type = frame.getClassName();
        String place = frame.getFileName() == null ? "Unknown Source" : frame.getFileName() + ":" + frame.getLineNumber();
        return type.substring(type.lastIndexOf('.') + 1) + "." + sourceMethod(frame.getMethodName()) + "(" + place + ")";
    }

    /** javac names a lambda's body lambda$enclosingMethod$n. */
    private static String sourceMethod(String method) {
        if (!method.startsWith("lambda$")) return method;
        int end = method.indexOf('$', "lambda$".length());
        return end < 0 ? method : method.substring("lambda$".length(), end);
    }
}
