package ntsection.script;

import java.util.List;

/** The outputs a step bound to a name, with the line that bound them for messages. */
record Binding(int line, List<OutputField> fields, List<Object> values) {

    Object first() {
        return values.getFirst();
    }

    Object field(String name) {
        for (int i = 0; i < fields.size(); i++) if (fields.get(i).name().equals(name)) return values.get(i);
        throw new IllegalStateException("no output " + name + " (the compiler checks fields)");
    }
}
