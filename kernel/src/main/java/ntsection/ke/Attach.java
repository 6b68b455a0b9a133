package ntsection.ke;

import ntsection.ps.Process;
import ntsection.ps.Thread;

/** KeStackAttachProcess and KeUnstackDetachProcess (ke/procobj.c). */
public final class Attach {
    private Attach() {
    }

    /** Switches the thread into the process's address space and handle table. */
    public static void keStackAttachProcess(Thread thread, Process process, ApcState state) {
        if (thread.currentProcess() == process) {
            // Already there: the marker makes the matching detach do nothing.
            state.kind = ApcState.Kind.ALREADY_THERE;
            return;
        }
        if (thread.isAttached()) {
            state.kind = ApcState.Kind.SAVED_HERE;
            state.previous = thread.currentProcess();
        } else {
            state.kind = ApcState.Kind.SAVED_IN_THREAD;
            state.previous = null;
        }
        thread.setContext(process, true);
    }

    public static void keUnstackDetachProcess(Kernel kernel, Thread thread, ApcState state) {
        switch (state.kind) {
            case ALREADY_THERE -> { }
            case UNUSED -> kernel.keBugCheckEx(BugCheckCodes.INVALID_PROCESS_DETACH_ATTEMPT, 0, 0, 0, 0);
            case SAVED_IN_THREAD -> {
                if (!thread.isAttached()) kernel.keBugCheckEx(BugCheckCodes.INVALID_PROCESS_DETACH_ATTEMPT, 0, 0, 1, 0);
                thread.setContext(thread.process(), false);
            }
            case SAVED_HERE -> {
                if (!thread.isAttached()) kernel.keBugCheckEx(BugCheckCodes.INVALID_PROCESS_DETACH_ATTEMPT, 0, 0, 1, 0);
                thread.setContext(state.previous, true);
            }
        }
        state.kind = ApcState.Kind.UNUSED;
        state.previous = null;
    }
}
