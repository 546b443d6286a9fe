package dev.reservewatch.engine.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A small lexer for DRL expressions, and what counts as a literal there: the guard's third tool. */
final class DrlTokens {

    private static final Pattern STRING = Pattern.compile("\"[^\"\\\\\\r\\n]*\"|'[^'\\\\\\r\\n]*'");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?[dDfFlLbBiI]?");
    static final Pattern SIMPLE = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private DrlTokens() {
    }

    enum Kind {
        WORD, STRING, BAD_STRING, NUMBER, SYMBOL
    }

    record Token(Kind kind, String text, int at) {
    }

    /** A small lexer: words, numbers, quoted strings (a string with a backslash is BAD_STRING), symbols. */
    static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end;
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() : end + 2;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                boolean escaped = false;
                while (j < text.length() && text.charAt(j) != c && text.charAt(j) != '\n') {
                    escaped |= text.charAt(j) == '\\';
                    j++;
                }
                boolean closed = j < text.length() && text.charAt(j) == c;
                tokens.add(new Token(escaped || !closed ? Kind.BAD_STRING : Kind.STRING,
                        text.substring(i, Math.min(text.length(), j + 1)), i));
                i = j + 1;
            } else if (Character.isJavaIdentifierStart(c)) {
                int j = i + 1;
                while (j < text.length() && Character.isJavaIdentifierPart(text.charAt(j))) {
                    j++;
                }
                tokens.add(new Token(Kind.WORD, text.substring(i, j), i));
                i = j;
            } else if (Character.isDigit(c)) {
                int j = i + 1;
                while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '.')) {
                    j++;
                }
                tokens.add(new Token(Kind.NUMBER, text.substring(i, j), i));
                i = j;
            } else {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), i));
                i++;
            }
        }
        return tokens;
    }

    /** A number, a quoted text without escapes, true, false or null. */
    static boolean isLiteral(String text) {
        return STRING.matcher(text).matches() || NUMBER.matcher(text).matches()
                || text.equals("true") || text.equals("false") || text.equals("null");
    }

    /** An annotation value as the parser gives it: literal text, or an array of literals. */
    static boolean isLiteralValue(Object value) {
        if (value instanceof Object[] array) {
            for (Object element : array) {
                if (!isLiteralValue(element)) {
                    return false;
                }
            }
            return true;
        }
        return value instanceof String text && isLiteral(text.strip());
    }

    static boolean isLiteralOrWord(Object value) {
        if (value instanceof Object[] array) {
            for (Object element : array) {
                if (!isLiteralOrWord(element)) {
                    return false;
                }
            }
            return true;
        }
        if (!(value instanceof String text)) {
            return false;
        }
        String stripped = text.strip();
        return isLiteral(stripped) || stripped.matches("[A-Za-z0-9_$]+");
    }

}
