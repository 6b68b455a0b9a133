package ntsection.script;

/** One token of a script line, with the column it starts at (0-based) for cutting the line's text. */
record Token(Kind kind, String text, int column) {
    enum Kind { WORD, STRING, AT, EQUALS, LEFT, RIGHT, COMMA, ARROW, BAR, PLUS, DOT, COLON, END }

    /** How a token reads in "expected X, found Y" messages. */
    String shown() {
        return switch (kind) {
            case END -> "the end of the line";
            case STRING -> "\"" + text + "\"";
            default -> "'" + text + "'";
        };
    }

    boolean is(Kind expected) {
        return kind == expected;
    }

    boolean isWord(String word) {
        return kind == Kind.WORD && text.equals(word);
    }
}
