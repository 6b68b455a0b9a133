package ntsection.mm;

import ntsection.ke.BugCheckCodes;
import ntsection.ke.CurrentThread;
import ntsection.ke.Kernel;
import ntsection.ke.NtException;
import ntsection.ke.PointKind;
import ntsection.ke.ProcessorMode;
import ntsection.ke.SchedulingPoint;
import ntsection.nt.NtStatus;
import ntsection.ps.Thread;
import ntsection.vf.VerifierHooks;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static ntsection.mm.PageProtection.PAGE_SHIFT;
import static ntsection.mm.PageProtection.PAGE_SIZE;

/**
 * Loads and stores through virtual addresses, as the current simulated thread makes
 * them: user addresses resolve in the process whose context the thread runs in (its
 * own, or the one it is attached to), system addresses in the shared system view
 * space and only from kernel mode. A fault on a user address raises
 * STATUS_ACCESS_VIOLATION or STATUS_GUARD_PAGE_VIOLATION in the thread, for a try/except
 * to catch; a fault on a system address stops the system at once with
 * PAGE_FAULT_IN_NONPAGED_AREA (or ATTEMPTED_WRITE_TO_READONLY_MEMORY), which no
 * try/except can catch. Values are little-endian, as on x64. Bulk copies move whole
 * runs of physically contiguous pages with one MemorySegment.copy; scalar accesses
 * allocate nothing.
 */
public final class MemoryAccess {
    private static final long PAGE_MASK = PAGE_SIZE - 1;
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final Kernel kernel;
    private final AddressSpace system;
    private final MemorySegment ram;

    MemoryAccess(Kernel kernel, AddressSpace system, PhysicalMemory memory) {
        this.kernel = kernel;
        this.system = system;
        this.ram = memory.segment();
    }

    public byte readByte(long address) {
        Thread thread = CurrentThread.get();
        AddressSpace space = spaceFor(thread, address, 1, false);
        synchronized (space) {
            long at = translate(thread, space, address, false);
            watch(thread, space, at, 1, false);
            return ram.get(JAVA_BYTE, at);
        }
    }

    public void writeByte(long address, byte value) {
        Thread thread = CurrentThread.get();
        AddressSpace space = spaceFor(thread, address, 1, true);
        synchronized (space) {
            long at = translate(thread, space, address, true);
            watch(thread, space, at, 1, true);
            ram.set(JAVA_BYTE, at, value);
        }
    }

    public short readShort(long address) {
        return (short) readScalar(address, 2);
    }

    public int readInt(long address) {
        return (int) readScalar(address, 4);
    }

    public long readLong(long address) {
        return readScalar(address, 8);
    }

    public void writeShort(long address, short value) {
        writeScalar(address, 2, value);
    }

    public void writeInt(long address, int value) {
        writeScalar(address, 4, value);
    }

    public void writeLong(long address, long value) {
        writeScalar(address, 8, value);
    }

    /** Copies {@code length} bytes at {@code address} into {@code destination}; a fault leaves the bytes before it copied. */
    public void read(long address, MemorySegment destination, long destinationOffset, long length) {
        copy(address, destination, destinationOffset, length, false);
    }

    /** Copies {@code length} bytes of {@code source} to {@code address}; a fault leaves the bytes before it written. */
    public void write(long address, MemorySegment source, long sourceOffset, long length) {
        copy(address, source, sourceOffset, length, true);
    }

    public byte[] read(long address, int length) {
        byte[] data = new byte[length];
        read(address, MemorySegment.ofArray(data), 0, length);
        return data;
    }

    public void write(long address, byte[] data) {
        write(address, MemorySegment.ofArray(data), 0, data.length);
    }

    /**
     * The memory half of MmProbeAndLockPages: resolves every page of the range in the
     * current context as an access of that kind would (faulting in, copying a
     * copy-on-write page for a write) and pins its frame. A fault pins nothing and is
     * raised in the thread, for the caller's try/except. A user range must end below
     * MmUserProbeAddress.
     */
    public int[] lockPages(long address, long length, boolean write, PhysicalMemory memory) {
        Thread thread = CurrentThread.get();
        AddressSpace space = spaceFor(thread, address, length, write);
        long last = address + length - 1;
        if (length <= 0 || Long.compareUnsigned(last, address) < 0
                || (space != system && Long.compareUnsigned(last, AddressLimits.MM_USER_PROBE_ADDRESS) >= 0)) {
            throw NtException.fault(NtStatus.STATUS_ACCESS_VIOLATION, address, write);
        }
        long first = address & ~PAGE_MASK;
        int[] frames = new int[(int) (((last - first) >>> PAGE_SHIFT) + 1)];
        synchronized (space) {
            for (int i = 0; i < frames.length; i++) {
                long page = first + ((long) i << PAGE_SHIFT);
                long physical = translateRaw(thread, space, page, write);
                if (physical < 0) {
                    for (int j = 0; j < i; j++) memory.unpin(frames[j]);
                    throw fault(space, Math.max(page, address), write, physical);
                }
                frames[i] = (int) (physical >>> PAGE_SHIFT);
                memory.pin(frames[i]);
            }
        }
        return frames;
    }

    private long readScalar(long address, int size) {
        Thread thread = CurrentThread.get();
        AddressSpace space = spaceFor(thread, address, size, false);
        synchronized (space) {
            if ((address & PAGE_MASK) <= PAGE_SIZE - size) {
                long at = translate(thread, space, address, false);
                watch(thread, space, at, size, false);
                return switch (size) {
                    case 2 -> ram.get(SHORT, at);
                    case 4 -> ram.get(INT, at);
                    default -> ram.get(LONG, at);
                };
            }
            // Straddles two pages: both must be readable before any byte counts.
            long first = translate(thread, space, address, false);
            long second = translate(thread, space, pageAfter(address), false);
            int inFirst = (int) (PAGE_SIZE - (address & PAGE_MASK));
            watch(thread, space, first, inFirst, false);
            watch(thread, space, second, size - inFirst, false);
            long value = 0;
            for (int i = size - 1; i >= 0; i--) {
                long at = i < inFirst ? first + i : second + (i - inFirst);
                value = (value << 8) | (ram.get(JAVA_BYTE, at) & 0xFF);
            }
            return value;
        }
    }

    private void writeScalar(long address, int size, long value) {
        Thread thread = CurrentThread.get();
        AddressSpace space = spaceFor(thread, address, size, true);
        synchronized (space) {
            if ((address & PAGE_MASK) <= PAGE_SIZE - size) {
                long at = translate(thread, space, address, true);
                watch(thread, space, at, size, true);
                switch (size) {
                    case 2 -> ram.set(SHORT, at, (short) value);
                    case 4 -> ram.set(INT, at, (int) value);
                    default -> ram.set(LONG, at, value);
                }
                return;
            }
            // A store straddling two pages writes nothing unless both pages take it.
            long first = translate(thread, space, address, true);
            long second = translate(thread, space, pageAfter(address), true);
            int inFirst = (int) (PAGE_SIZE - (address & PAGE_MASK));
            watch(thread, space, first, inFirst, true);
            watch(thread, space, second, size - inFirst, true);
            for (int i = 0; i < size; i++) {
                long at = i < inFirst ? first + i : second + (i - inFirst);
                ram.set(JAVA_BYTE, at, (byte) (value >>> (8 * i)));
            }
        }
    }

    private void copy(long address, MemorySegment other, long otherOffset, long length, boolean write) {
        if (length == 0) return;
        Thread thread = CurrentThread.get();
        AddressSpace space = spaceFor(thread, address, length, write);
        long done = 0;
        while (done < length) {
            long fault = 0;
            synchronized (space) {
                long at = address + done;
                long physical = translateRaw(thread, space, at, write);
                if (physical < 0) {
                    fault = physical;
                } else {
                    long run = Math.min(PAGE_SIZE - (at & PAGE_MASK), length - done);
                    while (done + run < length) {
                        long next = translateRaw(thread, space, at + run, write);
                        if (next != physical + run) {
                            // A faulting page is raised after the run before it has moved, as memcpy would.
                            if (next < 0) fault = next;
                            break;
                        }
                        run += Math.min(PAGE_SIZE, length - done - run);
                    }
                    watch(thread, space, physical, run, write);
                    if (write) MemorySegment.copy(other, otherOffset + done, ram, physical, run);
                    else MemorySegment.copy(ram, physical, other, otherOffset + done, run);
                    done += run;
                }
            }
            if (fault < 0) throw fault(space, address + done, write, fault);
        }
    }

    /**
     * Which address space serves an access, refusing kernel addresses to user mode and
     * non-canonical ones to all. An access to the user range is a scheduling point,
     * taken before the space's monitor: another thread may unmap or change the page
     * first, which is the race the protocol is about. A verifier hears of the access
     * after that point and before the translation, so an access that faults counts too.
     */
    private AddressSpace spaceFor(Thread thread, long address, long length, boolean write) {
        kernel.checkRunning();
        if (AddressLimits.isSystemAddress(address)) {
            if (thread.executionMode() == ProcessorMode.UserMode) {
                throw NtException.fault(NtStatus.STATUS_ACCESS_VIOLATION, address, write);
            }
            return system;
        }
        if (Long.compareUnsigned(address, AddressLimits.MM_USER_PROBE_ADDRESS) >= 0) {
            throw NtException.fault(NtStatus.STATUS_ACCESS_VIOLATION, address, write);
        }
        SchedulingPoint.at(thread, PointKind.USER_MEMORY, write ? ~address : address);
        VerifierHooks hooks = kernel.hooks();
        if (hooks != VerifierHooks.NONE) hooks.userAccess(thread, address, length, write);
        return thread.currentProcess().addressSpace();
    }

    /** Tells a verifier of a user-range access; the system space is the kernel's own business. */
    private void watch(Thread thread, AddressSpace space, long physical, long length, boolean write) {
        VerifierHooks hooks = kernel.hooks();
        if (hooks != VerifierHooks.NONE && space != system) hooks.userMemory(thread, ram, physical, length, write);
    }

    private long translate(Thread thread, AddressSpace space, long address, boolean write) {
        long physical = translateRaw(thread, space, address, write);
        if (physical < 0) throw fault(space, address, write, physical);
        return physical;
    }

    /** The physical offset of {@code address}, or a Vad.FAULT_ code. Caller holds the space's lock. */
    private static long translateRaw(Thread thread, AddressSpace space, long address, boolean write) {
        Vad vad = space.find(address);
        if (vad == null) return Vad.FAULT_ACCESS;
        long page = vad.translate(vad.pageOf(address), write, thread.isAttached());
        return page < 0 ? page : page + (address & PAGE_MASK);
    }

    private RuntimeException fault(AddressSpace space, long address, boolean write, long fault) {
        if (space == system) {
            if (fault == Vad.FAULT_READONLY) throw kernel.keBugCheckEx(BugCheckCodes.ATTEMPTED_WRITE_TO_READONLY_MEMORY, address, 0, 0, 0);
            // (address, write, no trap frame, 0: the PTE is zero) - MmAccessFault bug-checks without raising.
            throw kernel.keBugCheckEx(BugCheckCodes.PAGE_FAULT_IN_NONPAGED_AREA, address, write ? 1 : 0, 0, 0);
        }
        NtStatus status = fault == Vad.FAULT_GUARD ? NtStatus.STATUS_GUARD_PAGE_VIOLATION : NtStatus.STATUS_ACCESS_VIOLATION;
        return NtException.fault(status, address, write);
    }

    private static long pageAfter(long address) {
        return ((address >>> PAGE_SHIFT) + 1) << PAGE_SHIFT;
    }
}
