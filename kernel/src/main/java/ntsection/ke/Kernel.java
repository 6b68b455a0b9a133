package ntsection.ke;

import ntsection.vf.VerifierHooks;

import java.util.Arrays;
import java.util.List;

/**
 * The kernel's stop state. KeBugCheckEx records the first bug-check and unwinds the
 * calling simulated thread; from then on every entry into the system is refused.
 */
public final class Kernel {
    private volatile BugCheck bugCheck;
    private volatile VerifierHooks hooks = VerifierHooks.NONE;

    /** Who is told of the events a verifier checks; {@link VerifierHooks#NONE} until a watcher is installed. */
    public VerifierHooks hooks() {
        return hooks;
    }

    public void setHooks(VerifierHooks hooks) {
        this.hooks = hooks;
    }

    public BugCheck bugCheck() {
        return bugCheck;
    }

    public boolean isHalted() {
        return bugCheck != null;
    }

    /** Refuses service to a halted system. */
    public void checkRunning() {
        BugCheck stopped = bugCheck;
        if (stopped != null) throw new SystemHaltedException(stopped);
    }

    public BugCheckError keBugCheckEx(int code, long p1, long p2, long p3, long p4) {
        BugCheck stopped;
        synchronized (this) {
            if (bugCheck == null) {
                String thread = CurrentThread.isSet() ? CurrentThread.get().describe() : "(no thread)";
                List<StackTraceElement> stack = Arrays.asList(new Throwable().getStackTrace());
                bugCheck = new BugCheck(code, p1, p2, p3, p4, thread, List.copyOf(stack.subList(1, stack.size())));
            }
            stopped = bugCheck;
        }
        throw new BugCheckError(stopped);
    }
}
