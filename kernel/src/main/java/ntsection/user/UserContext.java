package ntsection.user;

import ntsection.ke.PointKind;
import ntsection.ke.SchedulingPoint;
import ntsection.mm.MemoryAccess;
import ntsection.nt.Nt;
import ntsection.nt.NtStatus;
import ntsection.ps.Process;
import ntsection.ps.Thread;

/**
 * What a user program sees: the Nt* services (previous mode user), loads and stores in
 * its own address space (a bad address raises STATUS_ACCESS_VIOLATION in the program),
 * waits and yields. Every call is a scheduling point under a controlled scheduler.
 */
public final class UserContext {
    private final Nt nt;
    private final MemoryAccess memory;
    private final Thread thread;

    public UserContext(Nt nt, MemoryAccess memory, Thread thread) {
        this.nt = nt;
        this.memory = memory;
        this.thread = thread;
    }

    /** The system services, as ntdll exports them. */
    public Nt nt() {
        return nt;
    }

    public Thread thread() {
        return thread;
    }

    public Process process() {
        return thread.process();
    }

    public byte readByte(long address) {
        return memory.readByte(address);
    }

    public int readInt(long address) {
        return memory.readInt(address);
    }

    public long readLong(long address) {
        return memory.readLong(address);
    }

    public byte[] read(long address, int length) {
        return memory.read(address, length);
    }

    public void writeByte(long address, byte value) {
        memory.writeByte(address, value);
    }

    public void writeInt(long address, int value) {
        memory.writeInt(address, value);
    }

    public void writeLong(long address, long value) {
        memory.writeLong(address, value);
    }

    public void write(long address, byte[] data) {
        memory.write(address, data);
    }

    /** NtWaitForSingleObject with no timeout. */
    public NtStatus waitFor(long handle) {
        return nt.ntWaitForSingleObject(handle, false, null);
    }

    /** NtWaitForSingleObject with a relative timeout in 100 ns units. */
    public NtStatus waitFor(long handle, long relativeTimeout) {
        return nt.ntWaitForSingleObject(handle, false, -Math.abs(relativeTimeout));
    }

    /** NtYieldExecution: lets the scheduler run someone else. */
    public void yieldExecution() {
        SchedulingPoint.at(thread, PointKind.YIELD, 0);
    }
}
