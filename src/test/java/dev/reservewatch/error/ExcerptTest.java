package dev.reservewatch.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What answers quote of texts and failures they did not write: one line, bounded, never a stack trace's head. */
class ExcerptTest {

    @Test
    void aFailureIsItsKindWithTheFirstLineOfItsMessageInBrackets() {
        assertThat(Excerpt.failure(new ArrayIndexOutOfBoundsException("Index 1 out of bounds for length 0")))
                .isEqualTo("ArrayIndexOutOfBoundsException (Index 1 out of bounds for length 0)");
        assertThat(Excerpt.failure(new IllegalStateException("first\n\tat dev.reservewatch.Some.where(Some.java:1)")))
                .isEqualTo("IllegalStateException (first)");
        assertThat(Excerpt.failure(new NullPointerException())).isEqualTo("NullPointerException");
        assertThat(Excerpt.failure(new StackOverflowError())).isEqualTo("StackOverflowError");
    }

    @Test
    void neverReadsAsTheHeadOfAStackTraceAndStaysShort() {
        String failure = Excerpt.failure(new IllegalArgumentException("x".repeat(5_000)));
        assertThat(failure).doesNotContain("Exception:").hasSizeLessThan(400).endsWith("...)");
    }

    @Test
    void aTextIsOneLineCutAfterItsBound() {
        assertThat(Excerpt.of("a\nb\rc", 10)).isEqualTo("a b c");
        assertThat(Excerpt.firstLine("a\nb", 10)).isEqualTo("a");
        assertThat(Excerpt.of("abcdef", 3)).isEqualTo("abc...");
        assertThat(Excerpt.of(null, 3)).isEmpty();
    }
}
