package ntsection.verifier.explore;

import ntsection.drivers.DeviceClient;
import ntsection.drivers.attacks.MappedViewScan;
import ntsection.io.IoStatusBlock;
import ntsection.mm.MemoryBasicInformation;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.ob.ObjectAttributes;
import ntsection.user.UserContext;

import java.util.ArrayList;
import java.util.List;

import static ntsection.ex.Event.EVENT_ALL_ACCESS;
import static ntsection.ex.Event.NotificationEvent;
import static ntsection.mm.PageProtection.*;
import static ntsection.ob.Handles.NtCurrentProcess;

/**
 * What a generated caller holds, shared with the thread that meddles beside it: the
 * device, a buffer of two pages (input in the first, output in the second) and a
 * read-only page, a section and an event of its own to pass as handles, and the first
 * eight bytes of every reply. Only one simulated thread runs at a time, and in the
 * same order on every run of a schedule, so plain fields are enough.
 */
final class CallerState extends DeviceClient {
    private final List<Long> own = new ArrayList<>();
    private final long[] replies;
    private long ownSection;
    private long ownEvent;
    private long readOnly;

    CallerState(UserContext user, int requests) {
        super(user);
        this.replies = new long[requests];
    }

    /** Opens the device and makes the caller's own objects; false when the device cannot be opened. */
    boolean setUp(String deviceName) {
        if (!open(deviceName).isSuccess()) return false;
        own.add(device);
        LongOut section = new LongOut();
        if (user.nt().ntCreateSection(section, SECTION_MAP_READ | SECTION_MAP_WRITE | SECTION_QUERY,
                ObjectAttributes.unnamed(0), (long) PAGE_SIZE, PAGE_READWRITE, SEC_COMMIT, 0).isSuccess()) {
            ownSection = section.value;
            own.add(ownSection);
        }
        LongOut event = new LongOut();
        if (user.nt().ntCreateEvent(event, EVENT_ALL_ACCESS, ObjectAttributes.unnamed(0), NotificationEvent, false)
                .isSuccess()) {
            ownEvent = event.value;
            own.add(ownEvent);
        }
        LongOut page = new LongOut();
        if (user.nt().ntAllocateVirtualMemory(NtCurrentProcess, page, 0, new LongOut(PAGE_SIZE), MEM_COMMIT | MEM_RESERVE,
                PAGE_READONLY).isSuccess()) {
            readOnly = page.value;
        }
        return true;
    }

    /** Sends {@code request} as the {@code index}-th; keeps the reply's first eight bytes. */
    NtStatus send(int index, Request request) {
        long input = address(request.inputAt(), buffer);
        long output = address(request.outputAt(), buffer + PAGE_SIZE);
        if (request.inputAt() == Request.Place.BUFFER || request.inputAt() == Request.Place.MISALIGNED) {
            for (int i = 0; i < request.input().size(); i++) {
                user.writeLong(input + (long) i * Long.BYTES, request.input().get(i).value(this));
            }
        }
        IoStatusBlock ioStatus = new IoStatusBlock();
        NtStatus status = user.nt().ntDeviceIoControlFile(device, ioStatus, request.code(), input,
                request.inputLength(), output, request.outputLength());
        if (status.isSuccess() && request.outputAt() == Request.Place.BUFFER && ioStatus.Information >= Long.BYTES) {
            replies[index] = user.readLong(output);
        }
        return status;
    }

    private long address(Request.Place place, long normal) {
        return switch (place) {
            case BUFFER -> normal;
            case NULL -> 0;
            case KERNEL -> Word.KERNEL_ADDRESS;
            case MISALIGNED -> normal + 1;
            case READ_ONLY -> readOnly;
        };
    }

    long reply(int index) {
        return replies[index];
    }

    long ownSection() {
        return ownSection;
    }

    long ownEvent() {
        return ownEvent;
    }

    long device() {
        return device;
    }

    long buffer() {
        return buffer;
    }

    /** Whether the caller made {@code handle} itself: a meddler leaves those alone. */
    boolean isOwn(long handle) {
        return own.contains(handle);
    }

    /** The base of the first view in the caller's address space (every mapped view is the driver's), or 0. */
    long firstForeignView() {
        List<MemoryBasicInformation> views = MappedViewScan.views(user);
        return views.isEmpty() ? 0 : views.getFirst().allocationBase();
    }
}
