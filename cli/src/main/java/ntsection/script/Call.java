package ntsection.script;

import ntsection.Executive;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A call scripts can make: a system service, a kernel routine or a memory access,
 * with its keyword parameters, its outputs (the first is what {@code NAME =} binds)
 * and the code that makes it. The invoker runs inside the step's context.
 */
public final class Call {
    /** Makes the call; runs as the step's thread, in the step's mode. */
    @FunctionalInterface
    public interface Invoker {
        Reply invoke(Executive system, Arguments arguments);
    }

    private final String name;
    private final boolean kernelOnly;
    private final List<Parameter> parameters;
    private final List<OutputField> outputs;
    private final List<Set<String>> exclusive;
    private final Invoker invoker;

    private Call(Builder builder, Invoker invoker) {
        this.name = builder.name;
        this.kernelOnly = builder.kernelOnly;
        this.parameters = List.copyOf(builder.parameters);
        this.outputs = List.copyOf(builder.outputs);
        this.exclusive = List.copyOf(builder.exclusive);
        this.invoker = invoker;
    }

    /** An Nt* or Zw* system service, or a memory access: any context may make it. */
    public static Builder service(String name) {
        return new Builder(name, false);
    }

    /** A kernel routine (Ob*, Mm*, ProbeFor*): user-mode code cannot call it, so a user context is a script error. */
    public static Builder kernelRoutine(String name) {
        return new Builder(name, true);
    }

    public String name() {
        return name;
    }

    public boolean kernelOnly() {
        return kernelOnly;
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    public List<OutputField> outputs() {
        return outputs;
    }

    /** Groups of parameters of which a step may give at most one. */
    List<Set<String>> exclusive() {
        return exclusive;
    }

    Invoker invoker() {
        return invoker;
    }

    Optional<Parameter> parameter(String parameterName) {
        return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
    }

    Optional<OutputField> output(String outputName) {
        return outputs.stream().filter(o -> o.name().equals(outputName)).findFirst();
    }

    public static final class Builder {
        private final String name;
        private final boolean kernelOnly;
        private final List<Parameter> parameters = new ArrayList<>();
        private final List<OutputField> outputs = new ArrayList<>();
        private final List<Set<String>> exclusive = new ArrayList<>();

        private Builder(String name, boolean kernelOnly) {
            this.name = name;
            this.kernelOnly = kernelOnly;
        }

        public Builder parameter(String parameterName, ArgumentKind kind) {
            parameters.add(new Parameter(parameterName, kind, null));
            return this;
        }

        /** A parameter whose usual value is not zero; {@code fallback} is read as a script value (a constant name or a number). */
        public Builder parameter(String parameterName, ArgumentKind kind, String fallback) {
            parameters.add(new Parameter(parameterName, kind, fallback(fallback)));
            return this;
        }

        /** NtCurrentProcess unless given: what NT code passes for a process handle nearly always. */
        public Builder process(String parameterName) {
            return parameter(parameterName, ArgumentKind.PROCESS_HANDLE, "NtCurrentProcess");
        }

        /** The OBJECT_ATTRIBUTES parameters: name, root and attributes. */
        public Builder objectAttributes() {
            return parameter("name", ArgumentKind.STRING)
                    .parameter("root", ArgumentKind.HANDLE)
                    .parameter("attributes", ArgumentKind.NUMBER);
        }

        public Builder output(String outputName, OutputFormat format) {
            outputs.add(new OutputField(outputName, format));
            return this;
        }

        public Builder exclusive(String... parameterNames) {
            exclusive.add(Set.of(parameterNames));
            return this;
        }

        public Call invokes(Invoker invoker) {
            return new Call(this, invoker);
        }

        private static Expr fallback(String value) {
            if (Character.isDigit(value.charAt(0))) return new Expr.Number(Long.decode(value));
            return new Expr.Name(value, null, 0);
        }
    }
}
