package ntsection.script;

/** What an expression stands for, known before the script runs so that misuse is a script error. */
enum ValueType {
    NUMBER("a number"),
    STRING("a string"),
    NULL("null"),
    DATA("hex bytes"),
    OBJECT("an object reference"),
    TYPE("an object type"),
    PROCESS("a process");

    private final String shown;

    ValueType(String shown) {
        this.shown = shown;
    }

    String shown() {
        return shown;
    }
}
