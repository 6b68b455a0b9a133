package ntsection.script;

import ntsection.script.calls.DirectoryCalls;
import ntsection.script.calls.EventCalls;
import ntsection.script.calls.FileCalls;
import ntsection.script.calls.HandleCalls;
import ntsection.script.calls.MemoryCalls;
import ntsection.script.calls.ObjectInformationCalls;
import ntsection.script.calls.ObjectManagerCalls;
import ntsection.script.calls.ProbeCalls;
import ntsection.script.calls.ProcessCalls;
import ntsection.script.calls.SectionCalls;
import ntsection.script.calls.SystemViewCalls;
import ntsection.script.calls.ViewCalls;
import ntsection.script.calls.VirtualMemoryCalls;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The calls scripts can make, by name. Each family of calls registers itself in its own file. */
public final class CallTable {
    private final Map<String, Call> calls = new LinkedHashMap<>();

    /** Every call this build provides. */
    public static CallTable standard() {
        CallTable table = new CallTable();
        for (Consumer<CallTable> family : List.<Consumer<CallTable>>of(
                HandleCalls::register,
                ObjectInformationCalls::register,
                ObjectManagerCalls::register,
                EventCalls::register,
                DirectoryCalls::register,
                ProcessCalls::register,
                SectionCalls::register,
                ViewCalls::register,
                VirtualMemoryCalls::register,
                SystemViewCalls::register,
                MemoryCalls::register,
                ProbeCalls::register,
                FileCalls::register)) {
            family.accept(table);
        }
        return table;
    }

    public void add(Call call) {
        if (calls.putIfAbsent(call.name(), call) != null) {
            throw new IllegalStateException("call " + call.name() + " is registered twice");
        }
    }

    /** The call with this name, or null. */
    public Call find(String name) {
        return calls.get(name);
    }
}
