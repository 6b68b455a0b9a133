package ntsection.vf;

/** One harm an oracle saw: what kind, and in the protocol's words what happened and to what. */
public record Harm(Kind kind, String message) {

    /** The kinds of harm the oracles tell apart. */
    public enum Kind {
        LEAK("leak"),
        BUG_CHECK("bug-check"),
        USE_AFTER_FREE("use after free"),
        HANDLE_STOLEN("handle stolen"),
        SECRET_LEAKED("secret leaked");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** How the demo and reports print it. */
        public String label() {
            return label;
        }
    }

    @Override
    public String toString() {
        return kind.label + ": " + message;
    }
}
