package ntsection.nt;

import ntsection.ke.CurrentThread;
import ntsection.ke.Kernel;
import ntsection.ke.PointKind;
import ntsection.ke.ProcessorMode;
import ntsection.ke.SchedulingPoint;
import ntsection.ps.Thread;

import static ntsection.ke.ProcessorMode.KernelMode;
import static ntsection.ke.ProcessorMode.UserMode;

/**
 * The system-service dispatcher: decides the previous mode a service runs under.
 * A call from user-mode code traps, so the previous mode is user (ntdll's Zw* stubs
 * are the Nt* ones). A call from kernel code keeps the thread's previous mode for Nt*
 * and sets it to kernel for Zw*. Both restore the modes on return. Entry and exit are
 * scheduling points (the exit's detail is the returned status, so outcomes enter the
 * trace); a service that raises passes no exit point.
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
        SchedulingPoint.at(thread, PointKind.SERVICE_ENTRY, 0);
        ProcessorMode execution = thread.executionMode();
        ProcessorMode previous = thread.previousMode();
        ProcessorMode mode = execution == UserMode ? UserMode : (zw ? KernelMode : previous);
        thread.setModes(KernelMode, mode);
        NtStatus status;
        try {
            status = service.run(mode);
        } finally {
            thread.setModes(execution, previous);
        }
        SchedulingPoint.at(thread, PointKind.SERVICE_EXIT, status.code());
        return status;
    }
}
