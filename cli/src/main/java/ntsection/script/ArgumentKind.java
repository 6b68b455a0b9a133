package ntsection.script;

import java.util.EnumSet;
import java.util.Set;

import static ntsection.script.ValueType.*;

/** The C type of a call's parameter, as far as a script can tell: what values it accepts. */
public enum ArgumentKind {
    NUMBER("a number or constant", EnumSet.of(ValueType.NUMBER, NULL)),
    HANDLE("a handle", EnumSet.of(ValueType.NUMBER, NULL)),
    /** A process handle; a process name means a handle to that process opened for the caller. */
    PROCESS_HANDLE("a process handle (NtCurrentProcess, a handle or a process name)", EnumSet.of(ValueType.NUMBER, NULL, PROCESS)),
    /** A client id; a process name means that process's id. */
    PROCESS_ID("a process id or a process name", EnumSet.of(ValueType.NUMBER, PROCESS)),
    STRING("a string or null", EnumSet.of(ValueType.STRING, NULL)),
    OBJECT("an object reference bound by an earlier step", EnumSet.of(ValueType.OBJECT)),
    TYPE("an object type (MmSectionObjectType, PsProcessType ...) or null", EnumSet.of(ValueType.TYPE, NULL)),
    MODE("KernelMode or UserMode", EnumSet.of(ValueType.NUMBER)),
    BOOLEAN("TRUE or FALSE", EnumSet.of(ValueType.NUMBER)),
    DATA("hex bytes", EnumSet.of(ValueType.DATA));

    private final String shown;
    private final Set<ValueType> accepted;

    ArgumentKind(String shown, Set<ValueType> accepted) {
        this.shown = shown;
        this.accepted = accepted;
    }

    String shown() {
        return shown;
    }

    boolean accepts(ValueType type) {
        return accepted.contains(type);
    }
}
