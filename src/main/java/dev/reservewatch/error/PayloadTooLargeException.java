package dev.reservewatch.error;

/** The body, or what it holds, is over a configured limit (413). The one place the limits are worded. */
public final class PayloadTooLargeException extends RuntimeException {

    private PayloadTooLargeException(String detail) {
        super(detail);
    }

    /** {@code what} (a body, a part, a file) is {@code size} bytes, above {@code limit}, set by {@code setting}. */
    public static PayloadTooLargeException bytes(String what, long size, long limit, String setting) {
        return new PayloadTooLargeException("The " + what + " is " + size + " bytes; the limit is " + limit
                + " bytes (" + setting + ").");
    }

    /** Refuses (as {@link #bytes}) a {@code size} above {@code limit}. */
    public static void checkBytes(String what, long size, long limit, String setting) {
        if (size > limit) {
            throw bytes(what, size, limit, setting);
        }
    }

    /**
     * {@code subject} holds {@code count} {@code things} where {@code limit} are allowed by {@code setting};
     * {@code advice} says what to do instead.
     */
    public static PayloadTooLargeException count(String subject, long count, String things, long limit,
            String setting, String advice) {
        return new PayloadTooLargeException(subject + " holds " + count + " " + things + "; the limit is " + limit
                + " (" + setting + "). " + advice);
    }
}
