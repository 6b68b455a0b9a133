package ntsection.ps;

/** Process and thread access rights; the ALL_ACCESS values are Windows Server 2003's. */
public final class ProcessAccess {
    private ProcessAccess() {
    }

    public static final int PROCESS_TERMINATE = 0x0001;
    public static final int PROCESS_CREATE_THREAD = 0x0002;
    public static final int PROCESS_SET_SESSIONID = 0x0004;
    public static final int PROCESS_VM_OPERATION = 0x0008;
    public static final int PROCESS_VM_READ = 0x0010;
    public static final int PROCESS_VM_WRITE = 0x0020;
    public static final int PROCESS_DUP_HANDLE = 0x0040;
    public static final int PROCESS_CREATE_PROCESS = 0x0080;
    public static final int PROCESS_SET_QUOTA = 0x0100;
    public static final int PROCESS_SET_INFORMATION = 0x0200;
    public static final int PROCESS_QUERY_INFORMATION = 0x0400;
    public static final int PROCESS_SUSPEND_RESUME = 0x0800;
    public static final int PROCESS_ALL_ACCESS = 0x001F0FFF;

    public static final int THREAD_TERMINATE = 0x0001;
    public static final int THREAD_SUSPEND_RESUME = 0x0002;
    public static final int THREAD_ALERT = 0x0004;
    public static final int THREAD_GET_CONTEXT = 0x0008;
    public static final int THREAD_SET_CONTEXT = 0x0010;
    public static final int THREAD_SET_INFORMATION = 0x0020;
    public static final int THREAD_QUERY_INFORMATION = 0x0040;
    public static final int THREAD_SET_THREAD_TOKEN = 0x0080;
    public static final int THREAD_IMPERSONATE = 0x0100;
    public static final int THREAD_DIRECT_IMPERSONATION = 0x0200;
    public static final int THREAD_ALL_ACCESS = 0x001F03FF;
}
