package ntsection.script;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a parsed script before anything runs: every context, process, call, argument,
 * name and output it mentions must exist and fit where it is used, so that a typo is a
 * script error (exit 2) with its line rather than a wrong outcome halfway through.
 */
public final class Compiler {
    private static final Set<String> RESERVED = Set.of(ContextName.KERNEL, ContextName.GUARDED, "null", "trusted",
            "bugcheck", "process", "exit", "driver");

    private final CallTable calls;
    private final Set<String> typeNames;
    private final Set<String> driverNames;
    private String file;
    private final Map<String, Integer> processes = new HashMap<>();
    private final Map<String, Integer> exited = new HashMap<>();
    private final Map<String, Call> bound = new HashMap<>();
    private final Map<String, Integer> boundAt = new HashMap<>();

    /**
     * @param typeNames the WDK names of the object types ({@code MmSectionObjectType} ...)
     * @param driverNames the service names of the drivers this build can load
     */
    public Compiler(CallTable calls, Set<String> typeNames, Set<String> driverNames) {
        this.calls = calls;
        this.typeNames = Set.copyOf(typeNames);
        this.driverNames = Set.copyOf(driverNames);
    }

    public Program compile(String scriptFile, List<Step> steps) throws ScriptError {
        file = scriptFile;
        processes.clear();
        processes.put(Session.SYSTEM_PROCESS, 0);
        exited.clear();
        bound.clear();
        boundAt.clear();
        List<Instruction> instructions = new ArrayList<>();
        for (Step step : steps) instructions.add(compile(step));
        return new Program(scriptFile, instructions);
    }

    private Instruction compile(Step step) throws ScriptError {
        return switch (step) {
            case Step.CreateProcess create -> {
                if (create.parent() != null) {
                    if (create.parent().equals(Session.SYSTEM_PROCESS)) {
                        throw error(create.line(), "System cannot be a parent: its table is the kernel handle table");
                    }
                    checkRunning(create.line(), create.parent());
                }
                checkNewName(create.line(), create.name(), "a process");
                processes.put(create.name(), create.line());
                yield new ProcessCreation(create.line(), create.text(), create.name(), create.trusted(), create.parent());
            }
            case Step.ExitProcess exit -> {
                if (exit.name().equals(Session.SYSTEM_PROCESS)) throw error(exit.line(), "the System process never exits");
                checkRunning(exit.line(), exit.name());
                exited.put(exit.name(), exit.line());
                yield new ProcessExit(exit.line(), exit.text(), exit.name());
            }
            case Step.LoadDriver driver -> {
                if (!driverNames.contains(driver.name())) {
                    throw error(driver.line(), "unknown driver " + driver.name() + ": this build's drivers are "
                            + names(driverNames.stream().sorted().toList()));
                }
                yield new DriverLoad(driver.line(), driver.text(), driver.name());
            }
            case Step.Invoke invoke -> invoke(invoke);
        };
    }

    private Instruction invoke(Step.Invoke step) throws ScriptError {
        int line = step.line();
        ContextName context = step.context();
        if (context.process() != null) checkRunning(line, context.process());
        if (Session.SYSTEM_PROCESS.equals(context.process())) {
            throw error(line, "the System process has no user thread of its own; kernel code in it runs as @kernel");
        }
        Call call = calls.find(step.call());
        if (call == null) throw error(line, "unknown call " + step.call());
        if (call.kernelOnly() && !context.isKernel()) {
            throw error(line, call.name() + " is a kernel routine and " + context.shown() + " runs user-mode code; call it from @kernel or @kernel:"
                    + context.process());
        }
        for (Map.Entry<String, Expr> argument : step.arguments().entrySet()) {
            Parameter parameter = call.parameter(argument.getKey()).orElseThrow(() -> error(line, call.name()
                    + " has no argument " + argument.getKey() + "; its arguments are " + names(call.parameters().stream().map(Parameter::name).toList())));
            ValueType type = typeOf(line, argument.getValue());
            if (!parameter.kind().accepts(type)) {
                throw error(line, "argument " + parameter.name() + " of " + call.name() + " takes " + parameter.kind().shown()
                        + ", not " + type.shown());
            }
        }
        for (Set<String> group : call.exclusive()) {
            List<String> given = group.stream().filter(step.arguments()::containsKey).sorted().toList();
            if (given.size() > 1) throw error(line, call.name() + " takes only one of " + names(given));
        }
        if (step.expectation() instanceof Expectation.Status status) checkFields(line, call, status);
        if (step.binding() != null) bind(line, step.binding(), call);
        return new CallInvocation(line, step.text(), context, step.binding(), call, step.arguments(), step.expectation());
    }

    private void checkFields(int line, Call call, Expectation.Status status) throws ScriptError {
        for (Expectation.Field field : status.fields()) {
            OutputField output = call.output(field.name()).orElseThrow(() -> error(line, call.name() + " has no output "
                    + field.name() + outputsOf(call)));
            ValueType type = typeOf(line, field.value());
            boolean fits = type == output.format().type() || type == ValueType.NULL
                    || (output.format() == OutputFormat.OBJECT && type == ValueType.NUMBER);
            if (!fits) throw error(line, "output " + field.name() + " of " + call.name() + " is " + output.format().type().shown()
                    + ", not " + type.shown());
        }
    }

    private void bind(int line, String name, Call call) throws ScriptError {
        if (call.outputs().isEmpty()) throw error(line, call.name() + " has no output to bind to " + name);
        if (!bound.containsKey(name)) checkNewName(line, name, "a bound name");
        bound.put(name, call);
        boundAt.put(name, line);
    }

    private ValueType typeOf(int line, Expr expr) throws ScriptError {
        return switch (expr) {
            case Expr.Number ignored -> ValueType.NUMBER;
            case Expr.Text ignored -> ValueType.STRING;
            case Expr.Null ignored -> ValueType.NULL;
            case Expr.Data ignored -> ValueType.DATA;
            case Expr.Flags flags -> {
                for (Expr term : flags.terms()) {
                    if (typeOf(line, term) != ValueType.NUMBER) throw error(line, "'|' combines numbers and constants only");
                }
                yield ValueType.NUMBER;
            }
            case Expr.Name name -> {
                ValueType type = nameType(line, name);
                if (name.offset() != 0 && type != ValueType.NUMBER) {
                    throw error(line, name.name() + "+" + name.offset() + " adds to a number, but " + name.name() + " is " + type.shown());
                }
                yield type;
            }
        };
    }

    private ValueType nameType(int line, Expr.Name name) throws ScriptError {
        Call call = bound.get(name.name());
        if (call != null) {
            if (name.field() == null) return call.outputs().getFirst().format().type();
            return call.output(name.field()).orElseThrow(() -> error(line, name.name() + " (bound at line " + boundAt.get(name.name())
                    + " by " + call.name() + ") has no output " + name.field() + outputsOf(call))).format().type();
        }
        if (name.field() != null) throw error(line, "unknown name " + name.name() + " in " + name.name() + "." + name.field()
                + ": only a name bound by an earlier step has outputs");
        if (Constants.value(name.name()) != null) return ValueType.NUMBER;
        if (typeNames.contains(name.name())) return ValueType.TYPE;
        if (processes.containsKey(name.name())) return ValueType.PROCESS;
        throw error(line, "unknown name " + name.name() + ": not an NT constant, an object type, a process or a name bound earlier");
    }

    private void checkRunning(int line, String process) throws ScriptError {
        if (!processes.containsKey(process)) {
            throw error(line, "unknown process " + process + ": declare it first with 'process " + process + "'");
        }
        if (exited.containsKey(process)) throw error(line, "process " + process + " exited at line " + exited.get(process));
    }

    private void checkNewName(int line, String name, String what) throws ScriptError {
        String clash = RESERVED.contains(name) ? "a word of the script language"
                : Constants.value(name) != null ? "an NT constant"
                : typeNames.contains(name) ? "an object type"
                : processes.containsKey(name) ? "a process (line " + processes.get(name) + ")"
                : bound.containsKey(name) ? "a bound name (line " + boundAt.get(name) + ")"
                : calls.find(name) != null ? "a call"
                : null;
        if (clash != null) throw error(line, name + " cannot be " + what + ": it is already " + clash);
    }

    private static String outputsOf(Call call) {
        if (call.outputs().isEmpty()) return "; it has no outputs";
        return "; its outputs are " + names(call.outputs().stream().map(OutputField::name).toList());
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "none" : names.stream().collect(Collectors.joining(", "));
    }

    private ScriptError error(int line, String message) {
        return new ScriptError(file, line, message);
    }
}
