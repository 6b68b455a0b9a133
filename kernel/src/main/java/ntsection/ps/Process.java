package ntsection.ps;

import ntsection.mm.AddressSpace;
import ntsection.ob.HandleTable;
import ntsection.ob.KernelObject;
import ntsection.ob.ObjectType;

import java.util.ArrayList;
import java.util.List;

/** EPROCESS: a process id, a token, a handle table, an address space and the threads that run in it. */
public final class Process extends KernelObject {
    private final int id;
    private final String imageName;
    private final Token token;
    private final HandleTable handleTable = new HandleTable();
    private final AddressSpace addressSpace = AddressSpace.userRange();
    final List<Thread> threads = new ArrayList<>();
    volatile boolean terminating;
    volatile boolean exited;
    int exitStatus;

    Process(ObjectType type, int id, String imageName, Token token) {
        super(type);
        this.id = id;
        this.imageName = imageName;
        this.token = token;
    }

    public int id() {
        return id;
    }

    public String imageName() {
        return imageName;
    }

    public Token token() {
        return token;
    }

    public HandleTable handleTable() {
        return handleTable;
    }

    /** The user range: the views and private memory of this process. */
    public AddressSpace addressSpace() {
        return addressSpace;
    }

    public List<Thread> threads() {
        return List.copyOf(threads);
    }

    /** The thread the process was created with, without copying the thread list. */
    public Thread mainThread() {
        return threads.getFirst();
    }

    /** Set once termination has begun: new views and handles are refused from then on. */
    public boolean isTerminating() {
        return terminating;
    }

    public boolean hasExited() {
        return exited;
    }

    public int exitStatus() {
        return exitStatus;
    }

    @Override
    public String describe() {
        return "Process " + imageName + " (pid " + id + ")";
    }
}
