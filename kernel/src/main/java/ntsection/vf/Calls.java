package ntsection.vf;

import ntsection.io.DeviceObject;
import ntsection.io.DriverObject;
import ntsection.io.Irp;
import ntsection.ps.Thread;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Which driver each thread is running code of, and for which request. The executive
 * says when it calls a driver (DriverEntry, a dispatch or completion routine,
 * DriverUnload) and when a system worker runs a work item; a work item runs for the
 * driver and the request its queuer was serving, so a driver that defers work to a
 * worker is still followed. Code that runs outside any driver call (a user program, a
 * test's own kernel code, the executive itself) is no driver's, and no rule applies to it.
 */
final class Calls {
    /**
     * One driver routine in progress on a thread.
     *
     * @param request      the IRP it serves, null for DriverEntry, DriverUnload and work not done for a request
     * @param highestLevel whether it runs for the top device of its stack, whose dispatch
     *                     routines run in the requestor's thread; a work item inherits it
     * @param kind         which routine, null for a work item
     */
    record Call(DriverObject driver, Request request, boolean highestLevel, DriverCall kind) {
    }

    /** A work item queued by code of no driver: its worker runs no driver's code. */
    private static final Call NO_DRIVER = new Call(null, null, false, null);

    private final Map<Thread, ArrayDeque<Call>> stacks = new IdentityHashMap<>();
    private final Map<Object, Call> queued = new IdentityHashMap<>();
    private final Map<Irp, Request> requests = new IdentityHashMap<>();

    void called(Thread thread, DriverObject driver, DriverCall kind, DeviceObject device, Irp irp) {
        Request request = null;
        if (irp != null) {
            request = kind == DriverCall.DISPATCH ? requests.computeIfAbsent(irp, Request::new) : requests.get(irp);
        }
        boolean highestLevel = device == null || device.AttachedDevice == null;
        push(thread, new Call(driver, request, highestLevel, kind));
    }

    void returned(Thread thread) {
        pop(thread);
    }

    void workQueued(Thread thread, Object item) {
        Call call = current(thread);
        if (call != null) queued.put(item, call);
    }

    void workStarted(Thread thread, Object item) {
        Call queuer = queued.remove(item);
        push(thread, queuer == null ? NO_DRIVER : new Call(queuer.driver(), queuer.request(), queuer.highestLevel(), null));
    }

    void workFinished(Thread thread) {
        pop(thread);
    }

    /** The request, whose completion the caller judges, forgotten from now on; null if no driver saw it. */
    Request completed(Irp irp) {
        Request request = requests.remove(irp);
        if (request != null) request.completed = true;
        return request;
    }

    /** The driver routine the thread is in, innermost first; null when it runs no driver's code. */
    Call current(Thread thread) {
        ArrayDeque<Call> stack = stacks.get(thread);
        if (stack == null || stack.isEmpty()) return null;
        Call call = stack.peek();
        return call == NO_DRIVER ? null : call;
    }

    /** The request the thread's driver code serves now, unless it already completed. */
    static Request openRequest(Call call) {
        return call == null || call.request() == null || call.request().completed ? null : call.request();
    }

    private void push(Thread thread, Call call) {
        stacks.computeIfAbsent(thread, ignored -> new ArrayDeque<>()).push(call);
    }

    private void pop(Thread thread) {
        ArrayDeque<Call> stack = stacks.get(thread);
        if (stack == null || stack.isEmpty()) return;
        stack.pop();
        if (stack.isEmpty()) stacks.remove(thread);
    }
}
