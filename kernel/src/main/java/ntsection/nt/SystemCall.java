package ntsection.nt;

import ntsection.ke.CurrentThread;
import ntsection.ke.Kernel;
import ntsection.ke.ProcessorMode;
import ntsection.ps.Thread;

import static ntsection.ke.ProcessorMode.KernelMode;
import static ntsection.ke.ProcessorMode.UserMode;

/**
 * The system-service dispatcher: decides the previous mode a service runs under.
 * A call from user-mode code traps, so the previous mode is user (ntdll's Zw* stubs
 * are the Nt* ones). A call from kernel code keeps the thread's previous mode for Nt*
 * and sets it to kernel for Zw*. Both restore the modes on return.
 */
final class SystemCall {
    interface Service {
        NtStatus run(ProcessorMode previousMode);
    }

    private final Kernel kernel;

    SystemCall(Kernel kernel) {
        this.kernel = kernel;
    }

    NtStatus nt(Service service) {
        return dispatch(service, false);
    }

    NtStatus zw(Service service) {
        return dispatch(service, true);
    }

    private NtStatus dispatch(Service service, boolean zw) {
        kernel.checkRunning();
        Thread thread = CurrentThread.get();
        ProcessorMode execution = thread.executionMode();
        ProcessorMode previous = thread.previousMode();
        ProcessorMode mode = execution == UserMode ? UserMode : (zw ? KernelMode : previous);
        thread.setModes(KernelMode, mode);
        try {
            return service.run(mode);
        } finally {
            thread.setModes(execution, previous);
        }
    }
}
