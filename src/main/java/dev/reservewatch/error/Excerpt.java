package dev.reservewatch.error;

/**
 * What a message quotes of a text it did not write (a client's field name, a cell, a rule's exception message):
 * one line of it, cut with "..." past a length, so that no answer or log line echoes a whole hostile input.
 */
public final class Excerpt {

    private Excerpt() {
    }

    /** The text on one line (line breaks as spaces), cut after {@code max} characters. */
    public static String of(String text, int max) {
        if (text == null) {
            return "";
        }
        String line = text.indexOf('\n') < 0 && text.indexOf('\r') < 0 ? text
                : text.replace('\n', ' ').replace('\r', ' ');
        return line.length() > max ? line.substring(0, max) + "..." : line;
    }

    /**
     * What went wrong, for a rule author: the failure's kind and the first line of its message, in brackets
     * ({@code ArrayIndexOutOfBoundsException (Index 1 out of bounds for length 0)}), cut after 300 characters. Not
     * the "Kind: message" a stack trace starts with, and never the trace.
     */
    public static String failure(Throwable failure) {
        String message = failure.getMessage() == null ? "" : firstLine(failure.getMessage(), 300);
        return failure.getClass().getSimpleName() + (message.isBlank() ? "" : " (" + message + ")");
    }

    /** The text's first line, cut after {@code max} characters. */
    public static String firstLine(String text, int max) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return of(newline < 0 ? text : text.substring(0, newline), max);
    }
}
