package ntsection.script;

import ntsection.ob.KernelObject;

/**
 * Evaluates expressions during a run. Names were classified by the {@link Compiler},
 * so a name here is a bound name, a constant, an object type or a process, in that order.
 * Numbers come out as Long, objects as KernelObject, processes as ProcessRef.
 */
final class Resolver {
    private final Session session;

    Resolver(Session session) {
        this.session = session;
    }

    Object evaluate(Expr expr) {
        return switch (expr) {
            case Expr.Number number -> number.value();
            case Expr.Text text -> text.value();
            case Expr.Null ignored -> null;
            case Expr.Data data -> data.bytes();
            case Expr.Flags flags -> {
                long value = 0;
                for (Expr term : flags.terms()) value |= (Long) evaluate(term);
                yield value;
            }
            case Expr.Name name -> name(name);
        };
    }

    private Object name(Expr.Name name) {
        Binding binding = session.binding(name.name());
        if (binding != null) {
            Object value = name.field() == null ? binding.first() : binding.field(name.field());
            return name.offset() == 0 ? value : (Long) value + name.offset();
        }
        Long constant = Constants.value(name.name());
        if (constant != null) return constant + name.offset();
        KernelObject type = session.system().ob().types().byWdkName(name.name());
        if (type != null) return type;
        return new ProcessRef(name.name());
    }
}
