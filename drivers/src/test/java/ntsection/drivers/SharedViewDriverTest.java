package ntsection.drivers;

import ntsection.drivers.ring.RingClient;
import ntsection.drivers.ring.SharedViewDriver;
import ntsection.io.IoStatusBlock;
import ntsection.ke.RandomWalk;
import ntsection.ke.RunResult;
import ntsection.ke.Scheduler;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.ps.Process;
import ntsection.user.UserContext;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

import static ntsection.drivers.ring.SharedViewIoctl.*;
import static ntsection.mm.PageProtection.PAGE_READONLY;
import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Handles.NtCurrentProcess;
import static org.junit.jupiter.api.Assertions.*;

/** Protocol 2: the ring's view is the requestor's, guarded, validated, and gone at cleanup. */
class SharedViewDriverTest {
    private static final byte[] HELLO = "hello, ring".getBytes(StandardCharsets.UTF_8);

    private final DriverSystem ring = new DriverSystem(SharedViewDriver.SERVICE_NAME);
    private final Process client = ring.system.createProcess("client.exe", false);

    private static int crc(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return (int) crc.getValue();
    }

    private RingClient connected(UserContext user) {
        RingClient client = new RingClient(user);
        assertEquals(STATUS_SUCCESS, client.open());
        assertEquals(STATUS_SUCCESS, client.connect());
        return client;
    }

    @Test
    void clientGetsTheChecksumOfEachPayload() {
        byte[] other = {1, 2, 3};
        int[] crcs = new int[2];
        ring.asUser(client, user -> {
            RingClient.session(List.of(HELLO, other), crcs).run(user);
            return null;
        });
        assertArrayEquals(new int[]{crc(HELLO), crc(other)}, crcs);
    }

    @Test
    void sharedViewIsMappedIntoTheRequestorAndUnmappedAtCleanup() {
        Process bystander = ring.system.createProcess("bystander.exe", false);
        RingClient connected = ring.asUser(client, this::connected);
        assertEquals(1, client.addressSpace().viewCount(), "the view is the requestor's");
        assertEquals(0, bystander.addressSpace().viewCount());
        assertEquals(0, ring.system.systemProcess().addressSpace().viewCount());
        assertEquals(STATUS_SUCCESS, ring.asUser(client, user -> connected.close()));
        assertEquals(0, client.addressSpace().viewCount(), "cleanup unmapped it");
    }

    @Test
    void aClientThatExitsWhileConnectedLeavesNothingBehind() {
        ring.asUser(client, this::connected);
        ring.system.terminateProcess(client, STATUS_SUCCESS);
        assertEquals(0, client.addressSpace().viewCount());
        assertFalse(ring.system.kernel().isHalted());
    }

    @Test
    void theRingsSectionHandleWasAKernelHandleAndIsGone() {
        ring.asUser(client, this::connected);
        assertEquals(1, client.handleTable().count(), "only the client's device handle");
    }

    @Test
    void sharedViewDriverSurvivesTheClientUnmappingTheView() {
        NtStatus status = ring.asUser(client, user -> {
            RingClient connected = connected(user);
            connected.fill(List.of(HELLO));
            assertEquals(STATUS_SUCCESS, connected.unmap());
            return connected.submit();
        });
        assertEquals(STATUS_ACCESS_VIOLATION, status, "the driver's try/except caught the fault");
        assertFalse(ring.system.kernel().isHalted());
    }

    @Test
    void sharedViewDriverSurvivesTheClientMakingTheViewReadOnly() {
        NtStatus status = ring.asUser(client, user -> {
            RingClient connected = connected(user);
            connected.fill(List.of(HELLO));
            assertEquals(STATUS_SUCCESS, user.nt().ntProtectVirtualMemory(NtCurrentProcess,
                    new LongOut(connected.ring()), new LongOut(RING_SIZE),
                    PAGE_READONLY, new LongOut()));
            return connected.submit();
        });
        assertEquals(STATUS_ACCESS_VIOLATION, status, "the driver's write of a result faulted inside try/except");
        assertFalse(ring.system.kernel().isHalted());
    }

    @Test
    void sharedViewDriverRefusesSlotsOutsideTheDataArea() {
        ring.asUser(client, user -> {
            RingClient connected = connected(user);
            connected.fill(List.of(HELLO, HELLO));
            user.writeInt(connected.slot(1) + SLOT_LENGTH, DATA_SIZE);
            user.writeInt(connected.slot(1) + SLOT_OFFSET, 1);
            assertEquals(STATUS_SUCCESS, connected.submit());
            assertEquals(STATUS_SUCCESS.code(), connected.status(0));
            assertEquals(STATUS_INVALID_PARAMETER.code(), connected.status(1));
            return null;
        });
    }

    /**
     * A second thread of the client flips the slot's length between a valid value and
     * one far past the view while the driver serves it. Each access to the view is a
     * scheduling point, so the walks interleave the flips with the driver's reads; a
     * driver that read the length again after checking it would copy past the view.
     */
    @Test
    void sharedViewDriverValidatesEachValueOnce() {
        for (long seed = 1; seed <= 30; seed++) {
            DriverSystem race = new DriverSystem(SharedViewDriver.SERVICE_NAME);
            Process victim = race.system.createProcess("client.exe", false);
            RingClient connected = race.asUser(victim, user -> {
                RingClient c = connected(user);
                c.fill(List.of(HELLO));
                return c;
            });
            long length = connected.slot(0) + SLOT_LENGTH;
            Scheduler scheduler = race.system.useControlledScheduler(new RandomWalk(seed));
            NtStatus[] submitted = new NtStatus[1];
            race.system.startThread(victim, user -> submitted[0] = user.nt().ntDeviceIoControlFile(
                    connected.deviceHandle(), new IoStatusBlock(), IOCTL_RING_SUBMIT, 0, 0, 0, 0));
            race.system.startThread(victim, user -> {
                for (int i = 0; i < 4; i++) {
                    user.writeInt(length, Integer.MAX_VALUE / 2);
                    user.writeInt(length, HELLO.length);
                }
            });
            RunResult result = scheduler.run();
            assertEquals(RunResult.Outcome.COMPLETED, result.outcome(), result::describe);
            assertEquals(STATUS_SUCCESS, submitted[0], "seed " + seed);
            int status = race.asUser(victim, user -> connected.status(0));
            if (status == STATUS_SUCCESS.code()) {
                int crc = race.asUser(victim, user -> connected.crc(0));
                assertEquals(crc(HELLO), crc, "seed " + seed);
            } else {
                assertEquals(STATUS_INVALID_PARAMETER.code(), status, "seed " + seed);
            }
        }
    }
}
