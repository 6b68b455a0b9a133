package ntsection.script;

import ntsection.ke.ProcessorMode;
import ntsection.ob.KernelObject;
import ntsection.ob.ObjectAttributes;
import ntsection.ob.ObjectType;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A step's arguments, evaluated and converted to what the call's parameters take, with
 * the omitted ones filled in. Getters are by parameter name; the compiler has already
 * checked that each value suits its parameter.
 */
public final class Arguments {
    private final Map<String, Object> values;
    private final Set<String> given;

    private Arguments(Map<String, Object> values, Set<String> given) {
        this.values = values;
        this.given = given;
    }

    static Arguments resolve(Call call, Map<String, Expr> written, ContextName context, Session session) {
        Resolver resolver = new Resolver(session);
        Map<String, Object> values = new HashMap<>();
        for (Parameter parameter : call.parameters()) {
            Expr expr = written.containsKey(parameter.name()) ? written.get(parameter.name()) : parameter.fallback();
            Object value = expr == null ? null : resolver.evaluate(expr);
            values.put(parameter.name(), convert(parameter, value, expr, context, session));
        }
        return new Arguments(values, Set.copyOf(written.keySet()));
    }

    private static Object convert(Parameter parameter, Object value, Expr expr, ContextName context, Session session) {
        return switch (parameter.kind()) {
            case NUMBER, HANDLE -> value == null ? 0L : value;
            case PROCESS_HANDLE -> value instanceof ProcessRef process
                    ? session.processHandle(context, process.name())
                    : value == null ? 0L : value;
            case PROCESS_ID -> value instanceof ProcessRef process
                    ? (long) session.process(process.name()).id()
                    : value == null ? 0L : value;
            case STRING, TYPE, DATA -> value;
            case OBJECT -> {
                if (value == null) throw new ArgumentError(unboundObject(expr, session));
                yield value;
            }
            case MODE -> mode(parameter, value);
            case BOOLEAN -> value != null && (Long) value != 0;
        };
    }

    private static ProcessorMode mode(Parameter parameter, Object value) {
        long mode = value == null ? 0 : (Long) value;
        if (mode != 0 && mode != 1) {
            throw new ArgumentError(parameter.name() + " must be KernelMode (0) or UserMode (1), not " + mode);
        }
        return ProcessorMode.values()[(int) mode];
    }

    private static String unboundObject(Expr expr, Session session) {
        if (expr instanceof Expr.Name name && session.binding(name.name()) != null) {
            return name.name() + " holds no object: the step at line " + session.binding(name.name()).line() + " did not produce one";
        }
        return "no object given";
    }

    /** Whether the script wrote this argument rather than leaving it to its default. */
    public boolean given(String name) {
        return given.contains(name);
    }

    /** A HANDLE, SIZE_T, pointer or other 64-bit value. */
    public long number(String name) {
        return (Long) values.get(name);
    }

    /** An ACCESS_MASK, ULONG or other 32-bit value: the low 32 bits, as C would pass it. */
    public int int32(String name) {
        return (int) number(name);
    }

    public boolean bool(String name) {
        return (Boolean) values.get(name);
    }

    public String string(String name) {
        return (String) values.get(name);
    }

    public KernelObject object(String name) {
        return (KernelObject) values.get(name);
    }

    public ObjectType type(String name) {
        return (ObjectType) values.get(name);
    }

    public ProcessorMode mode(String name) {
        return (ProcessorMode) values.get(name);
    }

    public byte[] data(String name) {
        return (byte[]) values.get(name);
    }

    /** OBJECT_ATTRIBUTES from the name, root and attributes arguments. */
    public ObjectAttributes objectAttributes() {
        return new ObjectAttributes(string("name"), number("root"), int32("attributes"));
    }
}
