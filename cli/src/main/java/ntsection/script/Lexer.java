package ntsection.script;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one script line into tokens. A word is a run of letters, digits and
 * underscores, so numbers, hex data and names are all words and the parser decides
 * what each is; a hyphen inside a word is kept so driver names like shared-view stay
 * whole. Strings take backslashes literally because NT paths are full of them.
 */
final class Lexer {
    private final String file;
    private final int line;
    private final String text;
    private int position;

    private Lexer(String file, int line, String text) {
        this.file = file;
        this.line = line;
        this.text = text;
    }

    static List<Token> tokenize(String file, int line, String text) throws ScriptError {
        return new Lexer(file, line, text).run();
    }

    private List<Token> run() throws ScriptError {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipSpace();
            if (position >= text.length() || text.charAt(position) == '#') {
                tokens.add(new Token(Token.Kind.END, "", position));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipSpace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) position++;
    }

    private Token next() throws ScriptError {
        int start = position;
        char c = text.charAt(position);
        if (isWordChar(c)) {
            while (position < text.length() && (isWordChar(text.charAt(position)) || isInnerHyphen(position))) position++;
            return new Token(Token.Kind.WORD, text.substring(start, position), start);
        }
        if (c == '"') {
            int end = text.indexOf('"', start + 1);
            if (end < 0) throw new ScriptError(file, line, "expected a closing '\"' for the string starting at column " + (start + 1));
            position = end + 1;
            return new Token(Token.Kind.STRING, text.substring(start + 1, end), start);
        }
        if (c == '-' && position + 1 < text.length() && text.charAt(position + 1) == '>') {
            position += 2;
            return new Token(Token.Kind.ARROW, "->", start);
        }
        position++;
        Token.Kind kind = switch (c) {
            case '@' -> Token.Kind.AT;
            case '=' -> Token.Kind.EQUALS;
            case '(' -> Token.Kind.LEFT;
            case ')' -> Token.Kind.RIGHT;
            case ',' -> Token.Kind.COMMA;
            case '|' -> Token.Kind.BAR;
            case '+' -> Token.Kind.PLUS;
            case '.' -> Token.Kind.DOT;
            case ':' -> Token.Kind.COLON;
            default -> throw new ScriptError(file, line, "unexpected character '" + c + "' at column " + (start + 1));
        };
        return new Token(kind, String.valueOf(c), start);
    }

    private static boolean isWordChar(char c) {
        return c == '_' || (c < 128 && Character.isLetterOrDigit(c));
    }

    /** A hyphen between word characters, as in shared-view; never the start of "->". */
    private boolean isInnerHyphen(int at) {
        return text.charAt(at) == '-' && at + 1 < text.length() && isWordChar(text.charAt(at + 1));
    }
}
