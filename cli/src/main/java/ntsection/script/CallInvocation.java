package ntsection.script;

import ntsection.ke.NtException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code @CONTEXT [NAME =] CALL(...)}: the call made in its context, its first output bound to NAME. */
record CallInvocation(int line, String text, ContextName context, String binding, Call call,
                      Map<String, Expr> arguments, Expectation expectation) implements Instruction {

    public List<OutputField> outputs() {
        return call.outputs();
    }

    public Outcome execute(Session session) {
        Arguments resolved = Arguments.resolve(call, arguments, context, session);
        Reply reply = session.call(context, () -> call.invoker().invoke(session.system(), resolved), this::faulted);
        if (reply.values().size() != call.outputs().size()) {
            throw new IllegalStateException(call.name() + " produced " + reply.values().size() + " outputs but declares "
                    + call.outputs().size());
        }
        if (binding != null) session.bind(binding, new Binding(line, call.outputs(), reply.values()));
        return new Outcome.Returned(reply.status(), call.outputs(), reply.values());
    }

    /** A caught exception as the step's reply: its status, and outputs left as they were, zero or nothing. */
    private Reply faulted(NtException exception) {
        List<Object> values = new ArrayList<>();
        for (OutputField output : call.outputs()) values.add(output.format().type() == ValueType.NUMBER ? 0L : null);
        return new Reply(exception.status(), values);
    }
}
