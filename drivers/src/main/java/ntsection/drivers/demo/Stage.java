package ntsection.drivers.demo;

import ntsection.Executive;
import ntsection.ex.Event;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.ob.ObjectAttributes;
import ntsection.ps.Process;
import ntsection.user.UserContext;
import ntsection.user.UserProgram;

import static ntsection.ex.Event.EVENT_ALL_ACCESS;

/**
 * One run's set: a booted system with the driver under test loaded (the target), a victim process
 * holding a secret in its own memory, a kernel secret in a section only the kernel has a
 * handle to, and the attacker process, whose threads the attack starts.
 */
public record Stage(Executive system, Target target, Process victim, Process attacker) {

    /** Starts a thread of the attacker's running {@code program}; the run's scheduler interleaves it. */
    public void attack(UserProgram program) {
        system.startThread(attacker, program);
    }

    /**
     * A notification event in the attacker's table, for one of its threads to tell another
     * that the view is there: a wait, unlike a spin, lets every strategy make progress.
     */
    public long event() {
        LongOut handle = new LongOut();
        UserContext user = new UserContext(system.nt(), system.mm().access(), attacker.mainThread());
        NtStatus status = system.inUserMode(attacker, () -> user.nt().ntCreateEvent(handle, EVENT_ALL_ACCESS,
                ObjectAttributes.unnamed(0), Event.NotificationEvent, false));
        if (!status.isSuccess()) throw new IllegalStateException("the attacker cannot create an event: " + status);
        return handle.value;
    }
}
