package dev.reservewatch.contract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message from compiling DRL, pinned to file, line and column where Drools says. Drools leaves the
 * column at 0; the real one is usually inside its text ({@code Line 9:4} or {@code Column: 4}).
 */
public record CompileProblem(String file, int line, int column, String message) {

    private static final Pattern LINE_COLON_COLUMN = Pattern.compile("Line (\\d+):(\\d+)");
    private static final Pattern COLUMN = Pattern.compile("Column: (\\d+)");

    public static CompileProblem of(String file, int line, int column, String text) {
        int col = column;
        if (col <= 0) {
            Matcher m = LINE_COLON_COLUMN.matcher(text);
            if (m.find()) {
                col = Integer.parseInt(m.group(2));
                if (line <= 0) {
                    line = Integer.parseInt(m.group(1));
                }
            } else {
                Matcher c = COLUMN.matcher(text);
                if (c.find()) {
                    col = Integer.parseInt(c.group(1));
                }
            }
        }
        return new CompileProblem(file, Math.max(line, 0), Math.max(col, 0), withoutTrace(text));
    }

    /**
     * The text without what the parser appends when it fails inside itself ("... at input '<eof>'. Exception:
     * java.lang.NullPointerException: ... Stack trace: ..."): Drools' own exception and stack are of no use to an
     * author and are the service's internals; the line and column stay, with a hint.
     */
    static String withoutTrace(String text) {
        int trace = text.indexOf("Stack trace:");
        String kept = trace < 0 ? text : text.substring(0, trace);
        int exception = kept.indexOf("Exception:");
        if (exception < 0) {
            return kept.strip();
        }
        String before = kept.substring(0, exception).strip();
        while (before.endsWith(".") || before.endsWith(":")) {
            before = before.substring(0, before.length() - 1).strip();
        }
        return before + " (the parser stopped here: look for a condition or parenthesis left open before it)";
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
