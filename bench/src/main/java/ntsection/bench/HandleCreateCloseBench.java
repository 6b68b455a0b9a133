package ntsection.bench;

import ntsection.Executive;
import ntsection.ex.Event;
import ntsection.ke.CurrentThread;
import ntsection.nt.LongOut;
import ntsection.nt.Nt;
import ntsection.nt.NtStatus;
import ntsection.ob.Handles;
import ntsection.ob.ObjectAttributes;
import ntsection.ps.Process;
import ntsection.ps.Thread;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;

import static ntsection.bench.Sim.check;
import static ntsection.ob.Attributes.DUPLICATE_SAME_ACCESS;

/**
 * Handle creation and close through the Nt* service surface, from user mode: one op is
 * NtCreateEvent (unnamed) + NtClose, or NtDuplicateObject (same process, same access)
 * + NtClose. Anchors (DESIGN.md, Wine 8 on this kind of machine): about 90 us for a
 * section create+close, 70 us for duplicate+close. Every op binds the simulated thread
 * with CurrentThread.runAs (a few ns; see ObReferenceObjectByHandleBench.runAs_empty).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class HandleCreateCloseBench {
    Executive exe;
    Nt nt;
    Process process;
    Thread userThread;
    long existing;
    final LongOut out = new LongOut();
    final ObjectAttributes unnamed = ObjectAttributes.unnamed(0);

    @Setup(Level.Trial)
    public void setup() {
        exe = Executive.boot();
        nt = exe.nt();
        process = exe.createProcess("bench.exe", false);
        userThread = process.threads().getFirst();
        LongOut h = new LongOut();
        check(exe.inUserMode(process, () -> nt.ntCreateEvent(h, Event.EVENT_ALL_ACCESS, unnamed,
                Event.NotificationEvent, false)), "NtCreateEvent");
        existing = h.value;
        CurrentThread.runAs(userThread, this::createClose);
        CurrentThread.runAs(userThread, this::duplicateClose);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        // Every op closed what it made: the table holds only the setup's handle.
        int count = process.handleTable().count();
        if (count != 1) throw new IllegalStateException("handle leak: " + count + " handles");
        exe.terminateProcess(process, NtStatus.STATUS_SUCCESS);
    }

    NtStatus createClose() {
        NtStatus s = nt.ntCreateEvent(out, Event.EVENT_ALL_ACCESS, unnamed, Event.NotificationEvent, false);
        if (s != NtStatus.STATUS_SUCCESS) throw new IllegalStateException("NtCreateEvent: " + s);
        s = nt.ntClose(out.value);
        if (s != NtStatus.STATUS_SUCCESS) throw new IllegalStateException("NtClose: " + s);
        return s;
    }

    NtStatus duplicateClose() {
        NtStatus s = nt.ntDuplicateObject(Handles.NtCurrentProcess, existing, Handles.NtCurrentProcess, out,
                0, 0, DUPLICATE_SAME_ACCESS);
        if (s != NtStatus.STATUS_SUCCESS) throw new IllegalStateException("NtDuplicateObject: " + s);
        s = nt.ntClose(out.value);
        if (s != NtStatus.STATUS_SUCCESS) throw new IllegalStateException("NtClose: " + s);
        return s;
    }

    @Benchmark
    public NtStatus ntCreateEvent_ntClose() {
        return CurrentThread.runAs(userThread, this::createClose);
    }

    @Benchmark
    public NtStatus ntDuplicateObject_ntClose() {
        return CurrentThread.runAs(userThread, this::duplicateClose);
    }
}
