package ntsection.ke;

import ntsection.ps.Thread;

import java.util.function.Supplier;

/**
 * The last frame under kernel code: an NT exception that no try/except handled stops
 * the system with the code NT uses where it escaped. A system thread's start routine
 * gives SYSTEM_THREAD_EXCEPTION_NOT_HANDLED (0x7E); kernel code running inside a
 * system service on behalf of a user-mode caller (a dispatch routine under
 * NtDeviceIoControlFile, an Nt* service) gives SYSTEM_SERVICE_EXCEPTION (0x3B); any
 * other kernel code gives KMODE_EXCEPTION_NOT_HANDLED (0x1E).
 *
 * <p>UNCERTAIN: 0x3B versus 0x1E follows Windows (ReactOS always reports 0x1E). The
 * model has no instruction pointers, trap frames or context records, so every code
 * gets the same parameters: (exception code, faulting address, 0 read / 1 write, 0).
 */
public final class ExceptionDispatch {
    private ExceptionDispatch() {
    }

    /** Runs kernel code in the current thread; an exception escaping it bug-checks. */
    public static <T> T runKernelCode(Kernel kernel, Supplier<T> body) {
        try {
            return body.get();
        } catch (NtException exception) {
            throw unhandled(kernel, exception);
        }
    }

    /** KiDispatchException's last resort for an exception raised in kernel mode. */
    public static BugCheckError unhandled(Kernel kernel, NtException exception) {
        Thread thread = CurrentThread.get();
        int code;
        if (thread.isSystemThread()) code = BugCheckCodes.SYSTEM_THREAD_EXCEPTION_NOT_HANDLED;
        else if (thread.previousMode() == ProcessorMode.UserMode) code = BugCheckCodes.SYSTEM_SERVICE_EXCEPTION;
        else code = BugCheckCodes.KMODE_EXCEPTION_NOT_HANDLED;
        long access = exception.isMemoryFault() ? exception.access() : 0;
        return kernel.keBugCheckEx(code, exception.code() & 0xFFFFFFFFL, exception.address(), access, 0);
    }
}
