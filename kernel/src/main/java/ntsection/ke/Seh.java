package ntsection.ke;

import ntsection.nt.NtStatus;
import ntsection.ps.Thread;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Structured exception handling for code running in a simulated thread: {@code __try}
 * with an {@code __except} filter that sees the exception and chooses to handle it or
 * let it travel on to the next frame. A bug-check is an Error, not an NT exception, so
 * no filter ever sees it (PAGE_FAULT_IN_NONPAGED_AREA cannot be caught, as on NT).
 *
 * <p>EXCEPTION_CONTINUE_EXECUTION has no counterpart: a Java frame cannot restart the
 * faulting instruction, so a filter returning it is a programming error.
 */
public final class Seh {
    public static final int EXCEPTION_EXECUTE_HANDLER = 1;
    public static final int EXCEPTION_CONTINUE_SEARCH = 0;

    private Seh() {
    }

    /** An {@code __except} filter expression. */
    @FunctionalInterface
    public interface Filter {
        int evaluate(NtException exception);
    }

    /** The filter every driver sample uses: handle whatever was raised. */
    public static final Filter EXECUTE_HANDLER = exception -> EXCEPTION_EXECUTE_HANDLER;

    /** {@code __try { body } __except (filter) { handler }}, for a body that produces a value. */
    public static <T> T tryExcept(Supplier<T> body, Filter filter, Function<NtException, T> handler) {
        Thread thread = enter();
        try {
            return body.get();
        } catch (NtException exception) {
            leave(thread);
            thread = null;
            if (!handles(filter, exception)) throw exception;
            return handler.apply(exception);
        } finally {
            leave(thread);
        }
    }

    /** {@code __try { body } __except (filter) { handler }}. */
    public static void tryExcept(Runnable body, Filter filter, Consumer<NtException> handler) {
        Thread thread = enter();
        try {
            body.run();
        } catch (NtException exception) {
            leave(thread);
            thread = null;
            if (!handles(filter, exception)) throw exception;
            handler.accept(exception);
        } finally {
            leave(thread);
        }
    }

    /**
     * The usual driver guard: {@code __try { body } __except (EXCEPTION_EXECUTE_HANDLER)
     * { status = GetExceptionCode(); }}. Returns STATUS_SUCCESS when nothing was raised.
     */
    public static NtStatus guard(Runnable body) {
        Thread thread = enter();
        try {
            body.run();
            return NtStatus.STATUS_SUCCESS;
        } catch (NtException exception) {
            return exception.status();
        } finally {
            leave(thread);
        }
    }

    /**
     * The body of a try/except begins: the current simulated thread's guard depth
     * rises until {@link #leave}. The handler and the filter run outside the body, as
     * on NT, where an exception they raise goes to the next frame out.
     */
    private static Thread enter() {
        Thread thread = CurrentThread.getOrNull();
        if (thread != null) thread.enterGuard();
        return thread;
    }

    private static void leave(Thread thread) {
        if (thread != null) thread.leaveGuard();
    }

    private static boolean handles(Filter filter, NtException exception) {
        int disposition = filter.evaluate(exception);
        if (disposition == EXCEPTION_EXECUTE_HANDLER) return true;
        if (disposition == EXCEPTION_CONTINUE_SEARCH) return false;
        throw new IllegalArgumentException("exception filter returned " + disposition
                + ": the model supports EXCEPTION_EXECUTE_HANDLER and EXCEPTION_CONTINUE_SEARCH only");
    }
}
