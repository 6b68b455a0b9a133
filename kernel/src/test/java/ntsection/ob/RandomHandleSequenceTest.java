package ntsection.ob;

import ntsection.ex.Event;
import ntsection.ke.ApcState;
import ntsection.ke.Attach;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ps.Process;
import ntsection.ps.ProcessAccess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Attributes.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Seeded random sequences of create, open, duplicate, close, query and kernel
 * references across two user processes and the kernel handle table, checked step by
 * step against a small reference model of NT's rules: lowest free handle value, one
 * pointer reference per handle and per name, the name gone with the last handle, the
 * object gone with the last reference, the same-value rule of DUPLICATE_CLOSE_SOURCE.
 */
class RandomHandleSequenceTest extends ObTestBase {
    private static final int STEPS = 600;
    private static final String[] NAMES = {"\\BaseNamedObjects\\r0", "\\BaseNamedObjects\\r1", "\\BaseNamedObjects\\r2"};
    private static final int FIXED = -1;

    private enum Owner { ALICE, BOB, KERNEL }

    private record Entry(int object, boolean protect) { }

    private static final class ModelObject {
        final KernelObject body;
        String name;
        int handles;
        int references;

        ModelObject(KernelObject body, String name) {
            this.body = body;
            this.name = name;
        }

        int pointers() {
            return handles + references + (name != null ? 1 : 0);
        }
    }

    private final Map<Owner, TreeMap<Long, Entry>> tables = new HashMap<>();
    private final List<ModelObject> objects = new ArrayList<>();
    private final Map<String, Integer> names = new HashMap<>();
    private final Map<Owner, Long> kernelProcessHandles = new HashMap<>();
    private long aliceToBob;
    private long bobToAlice;
    private Random random;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 12);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomSequencesMatchTheReferenceModel(long seed) {
        random = new Random(seed);
        setUp();
        for (int step = 0; step < STEPS; step++) {
            String what = step(random.nextInt(9));
            verify("seed " + seed + " step " + step + " " + what);
        }
        system.terminateProcess(bob, STATUS_SUCCESS);
        for (Entry entry : tables.get(Owner.BOB).values()) dropHandle(entry, false);
        tables.get(Owner.BOB).clear();
        objects.forEach(this::checkDeletion);
        verify("seed " + seed + " after bob's rundown");
        for (ModelObject object : objects) {
            while (object.references > 0) {
                object.references--;
                assertEquals(object.pointers(), system.ob().obDereferenceObject(object.body));
            }
            checkDeletion(object);
        }
        verify("seed " + seed + " after the kernel references went");
        assertEquals(List.of(), InvariantChecker.check(system.ob()));
    }

    private void setUp() {
        for (Owner owner : Owner.values()) tables.put(owner, new TreeMap<>());
        assertEquals(0, system.systemProcess().handleTable().count(), "the kernel table starts empty");
        aliceToBob = openProcess(alice, bob, ProcessAccess.PROCESS_DUP_HANDLE);
        bobToAlice = openProcess(bob, alice, ProcessAccess.PROCESS_DUP_HANDLE);
        tables.get(Owner.ALICE).put(aliceToBob, new Entry(FIXED, false));
        tables.get(Owner.BOB).put(bobToAlice, new Entry(FIXED, false));
        for (Owner owner : Owner.values()) {
            Process process = process(owner);
            LongOut handle = new LongOut();
            assertEquals(STATUS_SUCCESS, system.inSystemThread(() -> system.zw().zwOpenProcess(handle, ProcessAccess.PROCESS_DUP_HANDLE,
                    ObjectAttributes.unnamed(OBJ_KERNEL_HANDLE), process.id())));
            kernelProcessHandles.put(owner, handle.value);
            tables.get(Owner.KERNEL).put(Handles.fromKernelHandle(handle.value), new Entry(FIXED, false));
        }
    }

    private String step(int kind) {
        Owner owner = Owner.values()[random.nextInt(3)];
        return switch (kind) {
            case 0, 1 -> create(owner);
            case 2 -> open(owner);
            case 3, 4 -> duplicate(owner, Owner.values()[random.nextInt(3)]);
            case 5, 6 -> close(owner);
            case 7 -> query(owner);
            default -> reference();
        };
    }

    private String create(Owner owner) {
        String name = random.nextInt(3) == 0 ? null : NAMES[random.nextInt(NAMES.length)];
        boolean openIf = random.nextBoolean();
        int attributes = (openIf ? OBJ_OPENIF : 0) | (owner == Owner.KERNEL ? OBJ_KERNEL_HANDLE : 0);
        LongOut handle = new LongOut();
        boolean attached = owner != Owner.KERNEL && random.nextBoolean();
        NtStatus status = attached
                ? attachedSystemThread(owner, () -> system.zw().zwCreateEvent(handle, EVENT_ALL,
                        new ObjectAttributes(name, 0, attributes), Event.NotificationEvent, false))
                : run(owner, () -> owner == Owner.KERNEL
                        ? system.zw().zwCreateEvent(handle, EVENT_ALL, new ObjectAttributes(name, 0, attributes), Event.NotificationEvent, false)
                        : system.nt().ntCreateEvent(handle, EVENT_ALL, new ObjectAttributes(name, 0, attributes), Event.NotificationEvent, false));
        Integer existing = name == null ? null : names.get(name);
        if (existing != null && !openIf) {
            assertEquals(STATUS_OBJECT_NAME_COLLISION, status);
        } else if (existing != null) {
            assertEquals(STATUS_OBJECT_NAME_EXISTS, status);
            addHandle(owner, handle.value, existing, false);
        } else {
            assertEquals(STATUS_SUCCESS, status);
            KernelObject body = objectOf(process(owner), handle.value);
            objects.add(new ModelObject(body, name));
            if (name != null) names.put(name, objects.size() - 1);
            addHandle(owner, handle.value, objects.size() - 1, false);
        }
        return (attached ? "attached create " : "create ") + name + " in " + owner + " -> " + status;
    }

    private String open(Owner owner) {
        String name = NAMES[random.nextInt(NAMES.length)];
        LongOut handle = new LongOut();
        NtStatus status = run(owner, () -> owner == Owner.KERNEL
                ? system.zw().zwOpenEvent(handle, EVENT_ALL, ObjectAttributes.named(name, OBJ_KERNEL_HANDLE))
                : system.nt().ntOpenEvent(handle, EVENT_ALL, ObjectAttributes.named(name, 0)));
        Integer existing = names.get(name);
        if (existing == null) {
            assertEquals(STATUS_OBJECT_NAME_NOT_FOUND, status);
        } else {
            assertEquals(STATUS_SUCCESS, status);
            addHandle(owner, handle.value, existing, false);
        }
        return "open " + name + " in " + owner + " -> " + status;
    }

    private String duplicate(Owner source, Owner target) {
        Long sourceHandle = pick(source);
        if (sourceHandle == null) return "no handle to duplicate in " + source;
        Entry sourceEntry = tables.get(source).get(sourceHandle);
        boolean closeSource = random.nextInt(3) == 0;
        boolean protect = target != Owner.KERNEL && random.nextInt(5) == 0;
        int options = DUPLICATE_SAME_ACCESS | (closeSource ? DUPLICATE_CLOSE_SOURCE : 0);
        int attributes = (protect ? OBJ_PROTECT_CLOSE : 0) | (target == Owner.KERNEL ? OBJ_KERNEL_HANDLE : 0);
        long value = source == Owner.KERNEL ? Handles.toKernelHandle(sourceHandle) : sourceHandle | random.nextInt(4);
        LongOut copy = new LongOut();
        boolean viaNt = source != Owner.KERNEL && target != Owner.KERNEL && random.nextBoolean();
        NtStatus status;
        if (viaNt) {
            long targetProcess = source == target ? Handles.NtCurrentProcess : (source == Owner.ALICE ? aliceToBob : bobToAlice);
            status = run(source, () -> system.nt().ntDuplicateObject(Handles.NtCurrentProcess, value, targetProcess, copy, 0, attributes, options));
        } else {
            long targetProcess = kernelProcessHandles.get(target);
            status = kernelCode(source, () -> system.zw().zwDuplicateObject(Handles.NtCurrentProcess, value, targetProcess, copy,
                    0, attributes, options));
        }
        assertEquals(STATUS_SUCCESS, status);
        boolean sameValue = closeSource && source == target && source != Owner.KERNEL && !sourceEntry.protect();
        if (sameValue) {
            assertEquals(sourceHandle.longValue(), copy.value);
            tables.get(source).put(sourceHandle, new Entry(sourceEntry.object(), protect));
        } else {
            addHandle(target, copy.value, sourceEntry.object(), protect);
            if (closeSource && !sourceEntry.protect()) removeHandle(source, sourceHandle);
        }
        return "duplicate " + Handles.format(value) + " from " + source + " to " + target + (closeSource ? " closing the source" : "");
    }

    private String close(Owner owner) {
        Long handle = random.nextInt(6) == 0 ? null : pick(owner);
        if (handle == null) {
            if (owner == Owner.KERNEL) return "nothing to close in the kernel table";
            long free = lowestFree(tables.get(owner));
            assertEquals(STATUS_INVALID_HANDLE, run(owner, () -> system.nt().ntClose(free)));
            return "close free " + Handles.format(free) + " in " + owner;
        }
        Entry entry = tables.get(owner).get(handle);
        long value = owner == Owner.KERNEL ? Handles.toKernelHandle(handle) : handle | random.nextInt(4);
        // A system thread attached to the process may close its unprotected handles with ZwClose.
        boolean attached = owner != Owner.KERNEL && !entry.protect() && random.nextBoolean();
        NtStatus status = attached
                ? attachedSystemThread(owner, () -> system.zw().zwClose(value))
                : run(owner, () -> owner == Owner.KERNEL ? system.zw().zwClose(value) : system.nt().ntClose(value));
        if (entry.protect()) {
            assertEquals(STATUS_HANDLE_NOT_CLOSABLE, status);
        } else {
            assertEquals(STATUS_SUCCESS, status);
            removeHandle(owner, handle);
        }
        return "close " + Handles.format(value) + " in " + owner + " -> " + status;
    }

    private String query(Owner owner) {
        Long handle = pick(owner);
        if (handle == null) return "nothing to query in " + owner;
        ModelObject object = objects.get(tables.get(owner).get(handle).object());
        long value = owner == Owner.KERNEL ? Handles.toKernelHandle(handle) : handle;
        Out<ObjectBasicInformation> info = new Out<>();
        assertEquals(STATUS_SUCCESS, run(owner, () -> owner == Owner.KERNEL
                ? system.zw().zwQueryObject(value, info) : system.nt().ntQueryObject(value, info)));
        assertEquals(object.pointers() + 1, info.value.pointerCount(), "reported pointer count");
        assertEquals(object.handles, info.value.handleCount(), "handle count");
        return "query " + Handles.format(value) + " in " + owner;
    }

    private String reference() {
        List<ModelObject> live = objects.stream().filter(o -> !o.body.isDeleted()).toList();
        if (live.isEmpty()) return "no live object";
        ModelObject object = live.get(random.nextInt(live.size()));
        if (object.references > 0 && random.nextBoolean()) {
            object.references--;
            assertEquals(object.pointers(), system.ob().obDereferenceObject(object.body));
            checkDeletion(object);
            return "dereference " + object.body;
        }
        object.references++;
        assertEquals(object.pointers(), system.ob().obReferenceObject(object.body));
        return "reference " + object.body;
    }

    private void addHandle(Owner owner, long value, int object, boolean protect) {
        long table = owner == Owner.KERNEL ? Handles.fromKernelHandle(value) : value;
        assertEquals(owner == Owner.KERNEL, Handles.hasKernelBit(value), "kernel bit on " + Handles.format(value));
        assertEquals(lowestFree(tables.get(owner)), table, "the lowest free handle value in " + owner);
        tables.get(owner).put(table, new Entry(object, protect));
        objects.get(object).handles++;
    }

    private void removeHandle(Owner owner, long handle) {
        dropHandle(tables.get(owner).remove(handle), true);
    }

    /** Rundown closes a whole table before anyone can look, so deletion is checked afterwards. */
    private void dropHandle(Entry entry, boolean checkNow) {
        if (entry.object() == FIXED) return;
        ModelObject object = objects.get(entry.object());
        object.handles--;
        if (object.handles == 0 && object.name != null) {
            names.remove(object.name);
            object.name = null;
        }
        if (checkNow) checkDeletion(object);
    }

    private void checkDeletion(ModelObject object) {
        assertEquals(object.pointers() == 0, object.body.isDeleted(), object.body + " deleted exactly when its last reference went");
    }

    private void verify(String context) {
        for (Owner owner : Owner.values()) {
            assertEquals(List.copyOf(tables.get(owner).keySet()), process(owner).handleTable().handles(), context + ": " + owner + "'s table");
        }
        for (ModelObject object : objects) {
            if (object.body.isDeleted()) continue;
            assertEquals(object.handles, object.body.handleCount(), context + ": handles of " + object.body);
            assertEquals(object.pointers(), object.body.pointerCount(), context + ": pointers of " + object.body);
            assertEquals(object.name == null, object.body.path() == null, context + ": name of " + object.body);
        }
        for (Map.Entry<String, Integer> name : names.entrySet()) {
            assertEquals(name.getKey(), objects.get(name.getValue()).body.path(), context);
        }
    }

    private Long pick(Owner owner) {
        List<Long> candidates = tables.get(owner).entrySet().stream().filter(e -> e.getValue().object() != FIXED).map(Map.Entry::getKey).toList();
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    private static long lowestFree(TreeMap<Long, Entry> table) {
        long value = 4;
        while (table.containsKey(value) || (value & 0x3FF) == 0) value += 4;
        return value;
    }

    private Process process(Owner owner) {
        return switch (owner) {
            case ALICE -> alice;
            case BOB -> bob;
            case KERNEL -> system.systemProcess();
        };
    }

    /** A driver's code: in the user owner's dispatch routine, or on a system worker thread for the kernel. */
    private NtStatus kernelCode(Owner owner, Supplier<NtStatus> call) {
        return owner == Owner.KERNEL ? system.inSystemThread(call) : system.inDispatchRoutine(process(owner), call);
    }

    /** A system worker thread attached to the user owner's process for the call. */
    private NtStatus attachedSystemThread(Owner owner, Supplier<NtStatus> call) {
        return system.inSystemThread(() -> {
            ApcState state = new ApcState();
            Attach.keStackAttachProcess(system.systemWorker(), process(owner), state);
            try {
                return call.get();
            } finally {
                Attach.keUnstackDetachProcess(system.kernel(), system.systemWorker(), state);
            }
        });
    }

    /** User-mode code of a user owner, or a system worker thread for the kernel. */
    private NtStatus run(Owner owner, Supplier<NtStatus> call) {
        return owner == Owner.KERNEL ? system.inSystemThread(call) : system.inUserMode(process(owner), call);
    }
}
