package ntsection.drivers.demo;

import ntsection.Executive;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.ps.Process;
import ntsection.user.UserContext;
import ntsection.vf.Secrets;

import static ntsection.mm.PageProtection.*;
import static ntsection.ob.Handles.NtCurrentProcess;

/** Another user's secret: a canary in a page of the victim process's private memory. */
final class VictimSecret {
    private VictimSecret() {
    }

    static void plant(Executive system, Process victim, Secrets secrets) {
        byte[] canary = secrets.plant();
        UserContext user = new UserContext(system.nt(), system.mm().access(), victim.mainThread());
        NtStatus status = system.inUserMode(victim, () -> {
            LongOut base = new LongOut();
            NtStatus allocated = user.nt().ntAllocateVirtualMemory(NtCurrentProcess, base, 0, new LongOut(PAGE_SIZE),
                    MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
            if (allocated.isSuccess()) user.write(base.value, canary);
            return allocated;
        });
        if (!status.isSuccess()) throw new IllegalStateException("cannot plant the victim's secret: " + status);
    }
}
