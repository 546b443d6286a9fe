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
        return new CompileProblem(file, Math.max(line, 0), Math.max(col, 0), text.strip());
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
