package ntsection.vf;

import java.util.Set;

/**
 * Who is on the stack when a hook fires. The executive is the packages that model NT
 * (ob, mm, io, ke, ex, nt, ps, vf, user) and {@code ntsection.Executive}; the JDK's own
 * frames are skipped. The innermost frame of anything else is the driver's code (or a
 * user program's, or a test's: the caller knows which from the thread's driver calls),
 * and the executive frame just inside it is the routine that code called: its entry.
 */
final class Frames {
    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final String MEMORY_ACCESS = "ntsection.mm.MemoryAccess";
    private static final String OBJECT_MANAGER = "ntsection.ob.ObjectManager";
    private static final Set<String> REFERENCE_ROUTINES = Set.of("obReferenceObject", "obReferenceObjectByPointer",
            "obReferenceObjectByHandle", "obReferenceObjectByName");

    private Frames() {
    }

    /**
     * The innermost non-executive frame and the executive routine it called.
     *
     * @param frame       null when only the executive and the JDK are on the stack
     * @param entryClass  the class of the executive frame next inside {@code frame}, null if none
     * @param entryMethod that frame's method
     */
    record Origin(StackTraceElement frame, String entryClass, String entryMethod) {
        static final Origin NONE = new Origin(null, null, null);

        /** The code made the access itself, through MemoryAccess, not the executive on its behalf. */
        boolean accessedMemoryItself() {
            return frame != null && MEMORY_ACCESS.equals(entryClass);
        }

        /** The code called ObReferenceObject* itself: the reference is its own, not one a service took and drops. */
        boolean referencedItself() {
            return frame != null && OBJECT_MANAGER.equals(entryClass) && REFERENCE_ROUTINES.contains(entryMethod);
        }

        /** The code called ObDereferenceObject itself. */
        boolean dereferencedItself() {
            return frame != null && OBJECT_MANAGER.equals(entryClass) && "obDereferenceObject".equals(entryMethod);
        }
    }

    static Origin origin() {
        return WALKER.walk(frames -> {
            StackWalker.StackFrame entry = null;
            for (var iterator = frames.iterator(); iterator.hasNext(); ) {
                StackWalker.StackFrame frame = iterator.next();
                String type = frame.getClassName();
                if (CodeOwner.isExecutive(type)) {
                    entry = frame;
                } else if (!CodeOwner.isPlatform(type)) {
                    return new Origin(frame.toStackTraceElement(), entry == null ? null : entry.getClassName(),
                            entry == null ? null : entry.getMethodName());
                }
            }
            return Origin.NONE;
        });
    }
}
